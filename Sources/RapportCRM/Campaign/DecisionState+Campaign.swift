extension DecisionState {
    func decide(_ command: CampaignCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {}
    }

    mutating func apply(_ event: CampaignEvent, to id: RecordId, version: UInt64) {
        switch event {}
    }
}
