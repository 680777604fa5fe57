extension DecisionState {
    func decide(_ command: LeadCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {}
    }

    mutating func apply(_ event: LeadEvent, to id: RecordId, version: UInt64) {
        switch event {}
    }
}
