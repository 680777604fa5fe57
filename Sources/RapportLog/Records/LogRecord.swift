public import RapportTime

public import struct Foundation.UUID

/// A record as stored in the log.
public struct LogRecord: Hashable, Sendable {
    /// The record's global position: gapless, starting at 0.
    public var position: UInt64
    /// The record's unique id.
    public var id: UUID
    /// The stream the record belongs to.
    public var streamId: String
    /// The record's version within its stream: 1 for the stream's first record.
    public var streamVersion: UInt64
    /// The record's type.
    public var type: String
    /// When the writer appended the record; never decreases along the log.
    public var recordedAt: Timestamp
    /// When the recorded fact happened, as the appender said.
    public var occurredAt: Timestamp
    /// Opaque metadata bytes.
    public var metadata: [UInt8]
    /// Opaque payload bytes.
    public var payload: [UInt8]

    /// Creates a record; the log creates these when reading.
    ///
    /// - Parameters:
    ///   - position: The global position.
    ///   - id: The unique id.
    ///   - streamId: The stream.
    ///   - streamVersion: The version within the stream.
    ///   - type: The type.
    ///   - recordedAt: The append time.
    ///   - occurredAt: The business time.
    ///   - metadata: Metadata bytes.
    ///   - payload: Payload bytes.
    public init(
        position: UInt64,
        id: UUID,
        streamId: String,
        streamVersion: UInt64,
        type: String,
        recordedAt: Timestamp,
        occurredAt: Timestamp,
        metadata: [UInt8],
        payload: [UInt8]
    ) {
        self.position = position
        self.id = id
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.type = type
        self.recordedAt = recordedAt
        self.occurredAt = occurredAt
        self.metadata = metadata
        self.payload = payload
    }
}
