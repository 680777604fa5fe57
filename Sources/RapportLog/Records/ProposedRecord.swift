public import RapportTime

public import struct Foundation.UUID

/// A record an appender asks the log to store; the writer gives it a position, a version and a record time.
public struct ProposedRecord: Hashable, Sendable {
    /// The record's unique id.
    public var id: UUID
    /// The stream the record belongs to, for example `opportunity-42`.
    public var streamId: String
    /// The record's type, for example `OpportunityOpened`.
    public var type: String
    /// What the stream's version must be just before this record is added.
    public var expectedVersion: ExpectedVersion
    /// When the recorded fact happened; the record time is used when absent.
    public var occurredAt: Timestamp?
    /// Opaque metadata bytes.
    public var metadata: [UInt8]
    /// Opaque payload bytes.
    public var payload: [UInt8]

    /// Creates a proposed record.
    ///
    /// - Parameters:
    ///   - id: The record's unique id (a new random one by default).
    ///   - streamId: The stream, 1 to 65,535 bytes of UTF-8.
    ///   - type: The record type, 1 to 65,535 bytes of UTF-8.
    ///   - expectedVersion: The stream's version just before this record (no check by default).
    ///   - occurredAt: When the fact happened (the record time by default).
    ///   - metadata: Opaque metadata bytes.
    ///   - payload: Opaque payload bytes.
    public init(
        id: UUID = UUID(),
        streamId: String,
        type: String,
        expectedVersion: ExpectedVersion = .any,
        occurredAt: Timestamp? = nil,
        metadata: [UInt8] = [],
        payload: [UInt8]
    ) {
        self.id = id
        self.streamId = streamId
        self.type = type
        self.expectedVersion = expectedVersion
        self.occurredAt = occurredAt
        self.metadata = metadata
        self.payload = payload
    }
}
