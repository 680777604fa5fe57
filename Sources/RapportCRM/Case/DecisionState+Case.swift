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
            accounts.modifyValue(forKey: opened.accountId) { $0.cases.insert(id) }
            return
        case .transferred(let transferred):
            accounts.modifyValue(forKey: transferred.transfer.fromAccountId) { $0.cases.remove(id) }
            accounts.modifyValue(forKey: transferred.transfer.toAccountId) { $0.cases.insert(id) }
        default:
            break
        }
        cases.modifyValue(forKey: id) { state in
            state.version = version
            switch event {
            case .opened:
                break
            case .assigned(let assigned):
                state.ownerId = assigned.toOwnerId
            case .responseRecorded:
                state.responded = true
                if state.status == .new { state.status = .working }
            case .priorityChanged(let changed):
                state.priority = changed.toPriority
            case .escalated(let escalated):
                state.escalationLevel = escalated.level
                state.status = .escalated
            case .putOnHold(let held):
                state.status = .onHold
                state.holdStartedAt = held.onHoldSince
            case .resumed(let resumed):
                state.status = resumed.status
                state.holdStartedAt = nil
            case .resolved:
                state.status = .resolved
            case .closed:
                state.status = .closed
            case .reopened(let reopened):
                state.status = reopened.status
            case .transferred(let transferred):
                state.accountId = transferred.transfer.toAccountId
            }
        }
    }
}
