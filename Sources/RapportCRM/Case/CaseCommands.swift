/// Opens a support case for an account, with the service targets of its priority.
public struct OpenCase: CommandPayload {
    public static let commandType = "OpenCase"

    /// The new case's id.
    public var caseId: RecordId
    /// The account the case is for, which must take new records.
    public var accountId: RecordId
    /// The person who raised it, a contact of the account.
    public var contactId: Optional<RecordId>
    /// A one-line summary (required, at most 255 characters).
    public var subject: String
    /// The full account of the problem (at most 4,000 characters).
    public var description: Optional<String>
    /// How urgent it is; it sets the service targets.
    public var priority: CasePriority
    /// How the case came in.
    public var origin: Optional<CaseChannel>
    /// What kind of request it is.
    public var type: Optional<CaseType>
    /// The user who owns it, when it is assigned at once.
    public var ownerId: Optional<RecordId>

    /// Creates the command.
    public init(
        caseId: RecordId,
        accountId: RecordId,
        contactId: RecordId? = nil,
        subject: String,
        description: String? = nil,
        priority: CasePriority,
        origin: CaseChannel? = nil,
        type: CaseType? = nil,
        ownerId: RecordId? = nil
    ) {
        self.caseId = caseId
        self.accountId = accountId
        self.contactId = contactId
        self.subject = subject
        self.description = description
        self.priority = priority
        self.origin = origin
        self.type = type
        self.ownerId = ownerId
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.open(self)) }
}

/// Gives a case to a user.
public struct AssignCase: CommandPayload {
    public static let commandType = "AssignCase"

    /// The case.
    public var caseId: RecordId
    /// The user who owns it from now on.
    public var ownerId: RecordId

    /// Creates the command.
    public init(caseId: RecordId, ownerId: RecordId) {
        self.caseId = caseId
        self.ownerId = ownerId
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.assign(self)) }
}

/// Records a response to the customer; the first one completes the first-response milestone.
public struct RecordCaseResponse: CommandPayload {
    public static let commandType = "RecordCaseResponse"

    /// The case.
    public var caseId: RecordId
    /// How the response went out.
    public var channel: Optional<CaseChannel>
    /// What was said (at most 4,000 characters).
    public var message: Optional<String>

    /// Creates the command.
    public init(caseId: RecordId, channel: CaseChannel? = nil, message: String? = nil) {
        self.caseId = caseId
        self.channel = channel
        self.message = message
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.recordResponse(self)) }
}

/// Changes a case's priority, and with it the service targets in force.
public struct ChangeCasePriority: CommandPayload {
    public static let commandType = "ChangeCasePriority"

    /// The case.
    public var caseId: RecordId
    /// The new priority.
    public var priority: CasePriority

    /// Creates the command.
    public init(caseId: RecordId, priority: CasePriority) {
        self.caseId = caseId
        self.priority = priority
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.changePriority(self)) }
}

/// Escalates a case; an escalated case can be escalated again, one level higher each time.
public struct EscalateCase: CommandPayload {
    public static let commandType = "EscalateCase"

    /// The case.
    public var caseId: RecordId
    /// Why it is escalated (required, at most 255 characters).
    public var reason: String

    /// Creates the command.
    public init(caseId: RecordId, reason: String) {
        self.caseId = caseId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.escalate(self)) }
}
