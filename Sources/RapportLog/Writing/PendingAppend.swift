/// An append waiting for the writer: its records and how to tell the appender the outcome.
struct PendingAppend: Sendable {
    let records: [ProposedRecord]
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
