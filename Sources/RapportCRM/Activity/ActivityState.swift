/// What validation needs to know about one activity or task: no subject, description or related records, so
/// that millions fit in memory.
public struct ActivityState: Sendable, Hashable {
    /// What the record is, and for a task whether it is done.
    public enum Status: String, Sendable, Hashable {
        /// An activity that happened: a call, email, meeting or note.
        case logged = "Logged"
        /// A task still to do.
        case openTask = "Open"
        /// A task done.
        case completedTask = "Completed"
    }

    /// Events in the activity's stream.
    public var version: UInt64
    /// The account the activity belongs to, if any.
    public var accountId: RecordId?
    /// Logged activity, open task or completed task.
    public var status: Status
}
