import RapportCRM
import RapportLog
import RapportProjections

extension EventReading {
    /// Goes through the log's events from a position, in log order, decoding those `wanted` picks on the log's
    /// reading threads, so that the calling thread is left with what `body` does with them.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - position: The first position.
    ///   - end: The position where reading stops.
    ///   - keys: The keys that open personal values.
    ///   - wanted: Whether a record's event is decoded and passed on; called on the reading threads.
    ///   - body: Receives each event wanted.
    /// - Throws: ``RapportError`` with code `unreadable_event`, `key_store_failure` or `log_failure`, or what
    ///   `body` throws.
    static func forEachEvent(
        in log: EventLog,
        from position: UInt64 = 0,
        upTo end: UInt64 = .max,
        keys: PersonalDataKeys,
        where wanted: @escaping @Sendable (RecordView) -> Bool,
        _ body: (RecordedEvent) throws -> Void
    ) throws {
        try scan(log, from: position) { records in
            try FoldBatch.reading(records, upTo: end, kinds: FoldedKinds(.all)) { view in
                wanted(view) ? try event(in: view, keys: keys) : nil
            }
        } _: { _, batch in
            for event in batch.elements { try body(event) }
            return !batch.endsWindow
        }
    }
}
