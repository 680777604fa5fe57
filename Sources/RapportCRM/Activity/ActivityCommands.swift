public import RapportTime

/// Logs an activity that happened (a call, email, meeting or note) at the command's `occurredAt`, related to at
/// least one existing account, contact, lead, opportunity or case.
public struct LogActivity: CommandPayload {
    public static let commandType = "LogActivity"

    /// The new activity's id.
    public var activityId: RecordId
    /// Call, Email, Meeting or Note.
    public var channel: ActivityChannel
    /// What it was about (required, at most 255 characters).
    public var subject: String
    /// How long it took, 0 to 10,080 minutes (a week).
    public var durationMinutes: Optional<Int>
    /// What was said or done, at most 4,000 characters.
    public var description: Optional<String>
    /// The related account, which must take new records; when left out, the account of the related contact,
    /// opportunity or case, in that order.
    public var accountId: Optional<RecordId>
    /// The related contact.
    public var contactId: Optional<RecordId>
    /// The related lead.
    public var leadId: Optional<RecordId>
    /// The related opportunity.
    public var opportunityId: Optional<RecordId>
    /// The related case.
    public var caseId: Optional<RecordId>
    /// The user who did it.
    public var ownerId: Optional<RecordId>

    /// Creates the command.
    public init(
        activityId: RecordId,
        channel: ActivityChannel,
        subject: String,
        durationMinutes: Int? = nil,
        description: String? = nil,
        accountId: RecordId? = nil,
        contactId: RecordId? = nil,
        leadId: RecordId? = nil,
        opportunityId: RecordId? = nil,
        caseId: RecordId? = nil,
        ownerId: RecordId? = nil
    ) {
        self.activityId = activityId
        self.channel = channel
        self.subject = subject
        self.durationMinutes = durationMinutes
        self.description = description
        self.accountId = accountId
        self.contactId = contactId
        self.leadId = leadId
        self.opportunityId = opportunityId
        self.caseId = caseId
        self.ownerId = ownerId
    }

    public var target: StreamName { StreamName(.activity, activityId) }
    public var command: CRMCommand { .activity(.log(self)) }
}

/// Creates a task, something a user has to do by a day, related to at least one existing account, contact,
/// lead, opportunity or case.
public struct CreateTask: CommandPayload {
    public static let commandType = "CreateTask"

    /// The new task's id.
    public var activityId: RecordId
    /// What is to be done (required, at most 255 characters).
    public var subject: String
    /// The day it is due.
    public var dueDate: CalendarDate
    /// The user who is to do it.
    public var ownerId: RecordId
    /// High, Normal or Low; Normal when left out.
    public var priority: Optional<TaskPriority>
    /// The related account, which must take new records; when left out, the account of the related contact,
    /// opportunity or case, in that order.
    public var accountId: Optional<RecordId>
    /// The related contact.
    public var contactId: Optional<RecordId>
    /// The related lead.
    public var leadId: Optional<RecordId>
    /// The related opportunity.
    public var opportunityId: Optional<RecordId>
    /// The related case.
    public var caseId: Optional<RecordId>

    /// Creates the command.
    public init(
        activityId: RecordId,
        subject: String,
        dueDate: CalendarDate,
        ownerId: RecordId,
        priority: TaskPriority? = nil,
        accountId: RecordId? = nil,
        contactId: RecordId? = nil,
        leadId: RecordId? = nil,
        opportunityId: RecordId? = nil,
        caseId: RecordId? = nil
    ) {
        self.activityId = activityId
        self.subject = subject
        self.dueDate = dueDate
        self.ownerId = ownerId
        self.priority = priority
        self.accountId = accountId
        self.contactId = contactId
        self.leadId = leadId
        self.opportunityId = opportunityId
        self.caseId = caseId
    }

    public var target: StreamName { StreamName(.activity, activityId) }
    public var command: CRMCommand { .activity(.createTask(self)) }
}

/// Marks an open task done, at the command's `occurredAt`.
public struct CompleteTask: CommandPayload {
    public static let commandType = "CompleteTask"

    /// The task.
    public var activityId: RecordId

    /// Creates the command.
    public init(activityId: RecordId) {
        self.activityId = activityId
    }

    public var target: StreamName { StreamName(.activity, activityId) }
    public var command: CRMCommand { .activity(.completeTask(self)) }
}
