/// What validation needs to know about one case.
public struct CaseState: Sendable, Hashable {
    /// Events in the case's stream.
    public var version: UInt64
    /// The account the case belongs to.
    public var accountId: RecordId
}
