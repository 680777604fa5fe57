/// An event a decision produced, not yet in the log: what happened and to which record.
public struct NewEvent: Sendable, Hashable {
    /// The id of the record whose stream the event goes to (its kind is the event's).
    public var recordId: RecordId
    /// What happened.
    public var event: CRMEvent

    /// Creates an event for a record.
    ///
    /// - Parameters:
    ///   - recordId: The record's id.
    ///   - event: What happened.
    public init(_ recordId: RecordId, _ event: CRMEvent) {
        self.recordId = recordId
        self.event = event
    }

    /// The stream the event goes to.
    public var stream: StreamName { StreamName(event.kind, recordId) }
}
