public import RapportCRM
public import RapportTime

/// One event of an audit trail: where and when it was recorded, who caused it, and what it changed.
public struct AuditEntry: Sendable, Hashable, Encodable {
    /// The event's global position in the log.
    public var position: UInt64
    /// The stream of the record the event belongs to, e.g. `opportunity-O1`.
    public var stream: String
    /// The record's version after the event.
    public var streamVersion: UInt64
    /// The event type's name, e.g. `OpportunityStageChanged`.
    public var type: String
    /// When it happened, in business time.
    public var occurredAt: Timestamp
    /// When the log recorded it.
    public var recordedAt: Timestamp
    /// Who asked for it.
    public var actor: String
    /// The id of the command that produced it, when the caller gave one.
    public var commandId: String?
    /// The fields whose value the event changed, by field name.
    public var changes: [FieldChange]

    /// Creates the entry of an event.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - changes: The fields it changed.
    public init(_ event: RecordedEvent, changes: [FieldChange]) {
        position = event.position
        stream = event.stream.description
        streamVersion = event.streamVersion
        type = event.event.eventType
        occurredAt = event.occurredAt
        recordedAt = event.recordedAt
        actor = event.metadata.actor
        commandId = event.metadata.commandId
        self.changes = changes
    }

    private enum CodingKeys: String, CodingKey {
        case position, stream, streamVersion, type, occurredAt, recordedAt, actor, commandId, changes
    }

    /// Writes every property, a missing command id as `null`.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(position, forKey: .position)
        try container.encode(stream, forKey: .stream)
        try container.encode(streamVersion, forKey: .streamVersion)
        try container.encode(type, forKey: .type)
        try container.encode(occurredAt, forKey: .occurredAt)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encode(actor, forKey: .actor)
        try container.encode(commandId.map(JSONValue.string) ?? .null, forKey: .commandId)
        try container.encode(changes, forKey: .changes)
    }
}
