/// What validation needs to know about one activity or task.
public struct ActivityState: Sendable, Hashable {
    /// Events in the activity's stream.
    public var version: UInt64
    /// The account the activity belongs to, if any.
    public var accountId: RecordId?
}
