public import RapportLog

extension AppendResult {
    /// The records a reader should get back for this append: the proposed fields, with the position, stream
    /// version and record time the writer gave them.
    ///
    /// - Parameter proposed: The records passed to the append that returned this result, in the same order.
    /// - Returns: One record per entry.
    public func expectedRecords(for proposed: [ProposedRecord]) -> [LogRecord] {
        zip(proposed, entries).map { record, entry in
            LogRecord(
                position: entry.position,
                id: record.id,
                streamId: record.streamId,
                streamVersion: entry.streamVersion,
                type: record.type,
                recordedAt: recordedAt,
                occurredAt: record.occurredAt ?? recordedAt,
                metadata: record.metadata,
                payload: record.payload
            )
        }
    }
}
