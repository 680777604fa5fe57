/// An append waiting for the writer: its records and how to tell the appender the outcome.
struct PendingAppend: Sendable {
    let records: [ProposedRecord]
    /// The records' encoded size, to fill batches and groups.
    let encodedSize: Int
    /// Called once, on the writer's thread, when the append is durable or has failed.
    let complete: @Sendable (Result<AppendResult, LogError>) -> Void
}
