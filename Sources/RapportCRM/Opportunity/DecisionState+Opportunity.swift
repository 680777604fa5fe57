extension DecisionState {
    func decide(_ command: OpportunityCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {}
    }

    mutating func apply(_ event: OpportunityEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .opened(let opened):
            opportunities[id] = OpportunityState(version: version, accountId: opened.accountId, stage: opened.stage)
            accounts[opened.accountId]?.opportunities.insert(id)
        case .transferred(let transferred):
            opportunities[id]?.version = version
            opportunities[id]?.accountId = transferred.transfer.toAccountId
            accounts[transferred.transfer.fromAccountId]?.opportunities.remove(id)
            accounts[transferred.transfer.toAccountId]?.opportunities.insert(id)
        }
    }
}
