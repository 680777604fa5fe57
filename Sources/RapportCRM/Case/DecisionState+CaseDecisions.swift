extension DecisionState {
    /// Opens a case under a new id, for an account that takes new records and, when named, one of its contacts.
    func decideOpen(_ command: OpenCase, in context: DecisionContext) throws -> [NewEvent] {
        guard cases[command.caseId] == nil else {
            throw DomainError(
                .caseExists,
                field: "data.caseId",
                "data.caseId names case \(command.caseId), which already exists"
            )
        }
        _ = try accountAcceptingNewRecords(command.accountId, field: "data.accountId")
        if let contactId = command.contactId {
            guard let contact = contacts[contactId] else {
                throw DomainError(
                    .contactNotFound,
                    field: "data.contactId",
                    "data.contactId names contact \(contactId), which does not exist"
                )
            }
            guard contact.accountId == command.accountId else {
                throw DomainError(
                    .contactNotInAccount,
                    field: "data.contactId",
                    "data.contactId names contact \(contactId) of account \(contact.accountId), "
                        + "not of the case's account \(command.accountId)"
                )
            }
        }
        let targets = try serviceTargets(for: command.priority, in: context)
        let event = CaseOpened(
            accountId: command.accountId,
            contactId: command.contactId,
            subject: try FieldRules.text(command.subject, field: "data.subject"),
            description: try FieldRules.optionalText(
                command.description,
                field: "data.description",
                maximumLength: Self.caseLongTextLength
            ),
            priority: command.priority,
            origin: command.origin,
            type: command.type,
            ownerId: command.ownerId,
            status: .new,
            firstResponseMinutes: targets.firstResponseMinutes,
            resolutionMinutes: targets.resolutionMinutes
        )
        return [NewEvent(command.caseId, .case(.opened(event)))]
    }

    /// Gives a case in progress to a user; nothing happens when the user already owns it.
    func decideAssign(_ command: AssignCase) throws -> [NewEvent] {
        let state = try caseInProgress(command.caseId)
        guard state.ownerId != command.ownerId else { return [] }
        let event = CaseAssigned(fromOwnerId: state.ownerId, toOwnerId: command.ownerId)
        return [NewEvent(command.caseId, .case(.assigned(event)))]
    }

    /// Records a response on any case that is not closed; the first one completes the first-response milestone.
    func decideResponse(_ command: RecordCaseResponse) throws -> [NewEvent] {
        let state = try caseNotClosed(command.caseId)
        let event = CaseResponseRecorded(
            channel: command.channel,
            message: try FieldRules.optionalText(
                command.message,
                field: "data.message",
                maximumLength: Self.caseLongTextLength
            ),
            firstResponse: !state.responded
        )
        return [NewEvent(command.caseId, .case(.responseRecorded(event)))]
    }

    /// Changes the priority of a case in progress with the new priority's targets; nothing happens when it is the
    /// same.
    func decidePriority(_ command: ChangeCasePriority, in context: DecisionContext) throws -> [NewEvent] {
        let state = try caseInProgress(command.caseId)
        guard state.priority != command.priority else { return [] }
        let targets = try serviceTargets(for: command.priority, in: context)
        let event = CasePriorityChanged(
            fromPriority: state.priority,
            toPriority: command.priority,
            firstResponseMinutes: targets.firstResponseMinutes,
            resolutionMinutes: targets.resolutionMinutes
        )
        return [NewEvent(command.caseId, .case(.priorityChanged(event)))]
    }

    /// Escalates a case in progress and not on hold, one level above its last escalation.
    func decideEscalate(_ command: EscalateCase) throws -> [NewEvent] {
        let state = try caseInProgressNotOnHold(command.caseId, action: "escalated")
        let event = CaseEscalated(
            reason: try FieldRules.text(command.reason, field: "data.reason"),
            level: state.escalationLevel + 1
        )
        return [NewEvent(command.caseId, .case(.escalated(event)))]
    }
}
