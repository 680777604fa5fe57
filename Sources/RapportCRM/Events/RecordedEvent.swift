public import Foundation
public import RapportTime

/// An event as the log holds it: what happened, to which record, where in the log, when, and who caused it.
public struct RecordedEvent: Sendable, Hashable {
    /// The event's global position in the log.
    public var position: UInt64
    /// The event's unique id.
    public var id: UUID
    /// The record's stream.
    public var stream: StreamName
    /// The record's version after the event.
    public var streamVersion: UInt64
    /// When it happened in business time.
    public var occurredAt: Timestamp
    /// When the log appended it.
    public var recordedAt: Timestamp
    /// Schema version, actor and the command, correlation and causation ids.
    public var metadata: EventMetadata
    /// What happened.
    public var event: CRMEvent

    /// Creates a recorded event.
    ///
    /// - Parameters:
    ///   - position: The global position.
    ///   - id: The event id.
    ///   - stream: The record's stream.
    ///   - streamVersion: The record's version after the event.
    ///   - occurredAt: The business time.
    ///   - recordedAt: The append time.
    ///   - metadata: The rest of the envelope.
    ///   - event: What happened.
    public init(
        position: UInt64,
        id: UUID,
        stream: StreamName,
        streamVersion: UInt64,
        occurredAt: Timestamp,
        recordedAt: Timestamp,
        metadata: EventMetadata,
        event: CRMEvent
    ) {
        self.position = position
        self.id = id
        self.stream = stream
        self.streamVersion = streamVersion
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.metadata = metadata
        self.event = event
    }
}
