extension DecisionState {
    func decide(_ command: CaseCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {}
    }

    mutating func apply(_ event: CaseEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .transferred(let transferred):
            cases[id]?.version = version
            cases[id]?.accountId = transferred.transfer.toAccountId
            accounts[transferred.transfer.fromAccountId]?.cases.remove(id)
            accounts[transferred.transfer.toAccountId]?.cases.insert(id)
        }
    }
}
