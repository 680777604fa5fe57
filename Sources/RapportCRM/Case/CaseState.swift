public import RapportTime

/// What validation needs to know about one case: its links, where it stands and what its milestones need.
///
/// No text is kept (subject, description, reasons): no rule reads it, and millions of cases must fit in memory.
public struct CaseState: Sendable, Hashable {
    /// Events in the case's stream.
    public var version: UInt64
    /// The account the case belongs to.
    public var accountId: RecordId
    /// The contact who raised it.
    public var contactId: RecordId?
    /// The user who owns it.
    public var ownerId: RecordId?
    /// How many times it was escalated (0 when never); the next escalation has the level after it.
    public var escalationLevel: Int = 0
    /// When the current hold began, while the case is on hold.
    public var holdStartedAt: Timestamp?
    /// Where the case stands.
    public var status: CaseStatus
    /// How urgent it is.
    public var priority: CasePriority
    /// Whether it has had a response, which completed the first-response milestone.
    public var responded: Bool = false

    /// The status the case returns to when it resumes from hold or is reopened: `Escalated` once escalated,
    /// `Working` once responded to, `New` before either.
    public var activeStatus: CaseStatus {
        if escalationLevel > 0 { return .escalated }
        return responded ? .working : .new
    }
}
