extension DecisionState {
    /// The longest description of an activity, in characters.
    static let activityDescriptionLength = 4000

    func decide(_ command: ActivityCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .log(let command): try decideLog(command)
        case .createTask(let command): try decideCreateTask(command)
        case .completeTask(let command): try decideCompleteTask(command)
        }
    }

    private func decideLog(_ command: LogActivity) throws -> [NewEvent] {
        try requireNewActivity(command.activityId)
        let accountId = try accountOfRelatedRecords(
            accountId: command.accountId,
            contactId: command.contactId,
            leadId: command.leadId,
            opportunityId: command.opportunityId,
            caseId: command.caseId
        )
        let event = ActivityLogged(
            channel: command.channel,
            subject: try FieldRules.text(command.subject, field: "data.subject"),
            durationMinutes: try command.durationMinutes.map {
                try FieldRules.number($0, in: 0...10_080, field: "data.durationMinutes")
            },
            description: try FieldRules.optionalText(
                command.description,
                field: "data.description",
                maximumLength: Self.activityDescriptionLength
            ),
            accountId: accountId,
            contactId: command.contactId,
            leadId: command.leadId,
            opportunityId: command.opportunityId,
            caseId: command.caseId,
            ownerId: command.ownerId
        )
        return [NewEvent(command.activityId, .activity(.logged(event)))]
    }

    private func decideCreateTask(_ command: CreateTask) throws -> [NewEvent] {
        try requireNewActivity(command.activityId)
        let accountId = try accountOfRelatedRecords(
            accountId: command.accountId,
            contactId: command.contactId,
            leadId: command.leadId,
            opportunityId: command.opportunityId,
            caseId: command.caseId
        )
        let event = TaskCreated(
            subject: try FieldRules.text(command.subject, field: "data.subject"),
            dueDate: command.dueDate,
            ownerId: command.ownerId,
            priority: command.priority ?? .normal,
            accountId: accountId,
            contactId: command.contactId,
            leadId: command.leadId,
            opportunityId: command.opportunityId,
            caseId: command.caseId
        )
        return [NewEvent(command.activityId, .activity(.taskCreated(event)))]
    }

    private func decideCompleteTask(_ command: CompleteTask) throws -> [NewEvent] {
        guard let activity = activities[command.activityId] else {
            throw DomainError(
                .activityNotFound,
                field: "data.activityId",
                "data.activityId names activity \(command.activityId), which does not exist"
            )
        }
        switch activity.status {
        case .openTask:
            return [NewEvent(command.activityId, .activity(.taskCompleted(TaskCompleted())))]
        case .completedTask:
            throw DomainError(
                .taskCompleted,
                field: "data.activityId",
                "data.activityId names task \(command.activityId), which is already completed"
            )
        case .logged:
            throw DomainError(
                .notATask,
                field: "data.activityId",
                "data.activityId names activity \(command.activityId), which was logged, not created as a task"
            )
        }
    }

    private func requireNewActivity(_ id: RecordId) throws {
        guard activities[id] == nil else {
            throw DomainError(
                .activityExists,
                field: "data.activityId",
                "data.activityId names activity \(id), which already exists"
            )
        }
    }

    /// Checks that an activity's related records exist, and finds the account it belongs to: the account
    /// named, else the account of the contact, the opportunity or the case named, in that order.
    ///
    /// - Returns: The account, or nil when only a lead is named.
    /// - Throws: ``DomainError`` `related_record_required` when none is named; `account_not_found`,
    ///   `account_merged`, `account_inactive`, `contact_not_found`, `lead_not_found`, `opportunity_not_found`
    ///   or `case_not_found` naming the field of a record that does not exist or takes nothing new.
    private func accountOfRelatedRecords(
        accountId: RecordId?,
        contactId: RecordId?,
        leadId: RecordId?,
        opportunityId: RecordId?,
        caseId: RecordId?
    ) throws -> RecordId? {
        guard accountId != nil || contactId != nil || leadId != nil || opportunityId != nil || caseId != nil else {
            throw DomainError(
                .relatedRecordRequired,
                field: "data",
                "data must name at least one related record: accountId, contactId, leadId, opportunityId or caseId"
            )
        }
        if let accountId {
            _ = try accountAcceptingNewRecords(accountId, field: "data.accountId")
        }
        let contactAccount = try contactId.map { id in
            guard let contact = contacts[id] else {
                throw DomainError(
                    .contactNotFound,
                    field: "data.contactId",
                    "data.contactId names contact \(id), which does not exist"
                )
            }
            return contact.accountId
        }
        if let leadId, leads[leadId] == nil {
            throw DomainError(
                .leadNotFound,
                field: "data.leadId",
                "data.leadId names lead \(leadId), which does not exist"
            )
        }
        let opportunityAccount = try opportunityId.map {
            try existingOpportunity($0, field: "data.opportunityId").accountId
        }
        let caseAccount = try caseId.map { try existingCase($0, field: "data.caseId").accountId }
        return accountId ?? contactAccount ?? opportunityAccount ?? caseAccount
    }

    mutating func apply(_ event: ActivityEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .transferred(let transferred):
            activities.modifyValue(forKey: id) { state in
                state.version = version
                state.accountId = transferred.transfer.toAccountId
            }
            accounts.modifyValue(forKey: transferred.transfer.fromAccountId) { $0.activities.remove(id) }
            accounts.modifyValue(forKey: transferred.transfer.toAccountId) { $0.activities.insert(id) }
        case .logged(let logged):
            addActivity(id, version: version, accountId: logged.accountId, status: .logged)
        case .taskCreated(let created):
            addActivity(id, version: version, accountId: created.accountId, status: .openTask)
        case .taskCompleted:
            activities.modifyValue(forKey: id) { state in
                state.version = version
                state.status = .completedTask
            }
        }
    }

    private mutating func addActivity(
        _ id: RecordId,
        version: UInt64,
        accountId: RecordId?,
        status: ActivityState.Status
    ) {
        activities[id] = ActivityState(version: version, accountId: accountId, status: status)
        if let accountId {
            accounts.modifyValue(forKey: accountId) { $0.activities.insert(id) }
        }
    }
}
