extension DecisionState {
    func decide(_ command: CaseCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .open(let command): try decideOpen(command, in: context)
        case .assign(let command): try decideAssign(command)
        case .recordResponse(let command): try decideResponse(command)
        case .changePriority(let command): try decidePriority(command, in: context)
        case .escalate(let command): try decideEscalate(command)
        case .putOnHold(let command): try decideHold(command, in: context)
        case .resume(let command): try decideResume(command, in: context)
        case .resolve(let command): try decideResolve(command)
        case .close(let command): try decideClose(command)
        case .reopen(let command): try decideReopen(command)
        }
    }

    mutating func apply(_ event: CaseEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .opened(let opened):
            cases[id] = CaseState(
                version: version,
                accountId: opened.accountId,
                contactId: opened.contactId,
                ownerId: opened.ownerId,
                status: opened.status,
                priority: opened.priority
            )
            accounts[opened.accountId]?.cases.insert(id)
        case .assigned(let assigned):
            cases[id]?.ownerId = assigned.toOwnerId
        case .responseRecorded:
            cases[id]?.responded = true
            if cases[id]?.status == .new { cases[id]?.status = .working }
        case .priorityChanged(let changed):
            cases[id]?.priority = changed.toPriority
        case .escalated(let escalated):
            cases[id]?.escalationLevel = escalated.level
            cases[id]?.status = .escalated
        case .putOnHold(let held):
            cases[id]?.status = .onHold
            cases[id]?.holdStartedAt = held.onHoldSince
        case .resumed(let resumed):
            cases[id]?.status = resumed.status
            cases[id]?.holdStartedAt = nil
        case .resolved:
            cases[id]?.status = .resolved
        case .closed:
            cases[id]?.status = .closed
        case .reopened(let reopened):
            cases[id]?.status = reopened.status
        case .transferred(let transferred):
            cases[id]?.accountId = transferred.transfer.toAccountId
            accounts[transferred.transfer.fromAccountId]?.cases.remove(id)
            accounts[transferred.transfer.toAccountId]?.cases.insert(id)
        }
        cases[id]?.version = version
    }
}
