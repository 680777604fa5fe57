/// Puts a case on hold, which stops its service clock until it resumes.
public struct PutCaseOnHold: CommandPayload {
    public static let commandType = "PutCaseOnHold"

    /// The case.
    public var caseId: RecordId
    /// What the case waits for (required, at most 255 characters).
    public var reason: String

    /// Creates the command.
    public init(caseId: RecordId, reason: String) {
        self.caseId = caseId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.putOnHold(self)) }
}

/// Takes a case off hold, back to the status it is worked in.
public struct ResumeCase: CommandPayload {
    public static let commandType = "ResumeCase"

    /// The case.
    public var caseId: RecordId

    /// Creates the command.
    public init(caseId: RecordId) {
        self.caseId = caseId
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.resume(self)) }
}

/// Resolves a case: the customer's problem is solved or the question answered.
public struct ResolveCase: CommandPayload {
    public static let commandType = "ResolveCase"

    /// The case.
    public var caseId: RecordId
    /// How it was resolved (required, at most 4,000 characters).
    public var resolution: String

    /// Creates the command.
    public init(caseId: RecordId, resolution: String) {
        self.caseId = caseId
        self.resolution = resolution
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.resolve(self)) }
}

/// Closes a case: a resolved one, or an unresolved one (not on hold) with a reason such as a duplicate.
public struct CloseCase: CommandPayload {
    public static let commandType = "CloseCase"

    /// The case.
    public var caseId: RecordId
    /// Why it is closed (at most 255 characters); required when the case is not resolved.
    public var reason: Optional<String>

    /// Creates the command.
    public init(caseId: RecordId, reason: String? = nil) {
        self.caseId = caseId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.close(self)) }
}

/// Reopens a resolved or closed case.
public struct ReopenCase: CommandPayload {
    public static let commandType = "ReopenCase"

    /// The case.
    public var caseId: RecordId
    /// Why it is reopened (required, at most 255 characters).
    public var reason: String

    /// Creates the command.
    public init(caseId: RecordId, reason: String) {
        self.caseId = caseId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.case, caseId) }
    public var command: CRMCommand { .case(.reopen(self)) }
}
