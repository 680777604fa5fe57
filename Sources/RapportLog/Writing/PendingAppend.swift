/// An append waiting for the writer: its records and how to tell the appender the outcome.
struct PendingAppend: Sendable {
    /// What the writer reads of each record besides its bytes. The records themselves stay with the appender, so
    /// their payloads are freed on the appender's thread, where they were made.
    let heads: [Head]
    /// The records encoded by the appender, with the fields only the writer knows still zero (see
    /// ``RecordEncoder/encodeAwaitingWriter(_:size:)``), so the writer's own work per record stays small.
    let encoded: [UInt8]
    /// The records' encoded size, to fill batches and groups.
    var encodedSize: Int { encoded.count }
    /// The session whose earlier failure refuses this append, if it belongs to one.
    let session: AppendSession.State?
    /// Called once, on the writer's thread, when the append is durable or has failed.
    let complete: @Sendable (Result<AppendResult, LogError>) -> Void
}

extension PendingAppend {
    /// What the writer needs of one record to check and place it.
    struct Head: Sendable {
        /// The record's stream.
        let streamId: String
        /// What the stream's version must be just before the record.
        let expectedVersion: ExpectedVersion
        /// Whether the record came without a business time, which then is its record time.
        let occurredAtMissing: Bool

        /// The head of a proposed record.
        init(of record: ProposedRecord) {
            streamId = record.streamId
            expectedVersion = record.expectedVersion
            occurredAtMissing = record.occurredAt == nil
        }
    }
}
