extension DecisionState {
    func decide(_ command: ActivityCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {}
    }

    mutating func apply(_ event: ActivityEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .transferred(let transferred):
            activities[id]?.version = version
            activities[id]?.accountId = transferred.transfer.toAccountId
            accounts[transferred.transfer.fromAccountId]?.activities.remove(id)
            accounts[transferred.transfer.toAccountId]?.activities.insert(id)
        }
    }
}
