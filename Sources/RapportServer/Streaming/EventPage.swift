import Rapport
import RapportCRM
import RapportLog

/// A page of the log: the wanted events from a position on, and where the next page starts.
///
/// The reader scans at most `scanLimit` records per page, so a filter that matches rarely answers with a short
/// (even empty) page and a `next` further on instead of reading the whole log in one request.
struct EventPage: Sendable {
    /// The wanted events, in log order.
    var events: [RecordedEvent]
    /// The position to read from next: one past the last record scanned.
    var next: UInt64

    /// Reads a page.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - position: The first position to look at.
    ///   - limit: The most events to return.
    ///   - filter: Which events are wanted.
    ///   - scanLimit: The most records to look at.
    ///   - keys: The keys that open the events' personal values.
    /// - Throws: ``RapportError`` `log_failure`, `unreadable_event` or `key_store_failure`.
    init(
        log: EventLog,
        from position: UInt64,
        limit: Int,
        filter: EventFilter,
        scanLimit: UInt64 = 100_000,
        keys: PersonalDataKeys
    ) throws {
        var events: [RecordedEvent] = []
        next = try Self.scan(log, from: position, limit: limit, filter: filter, scanLimit: scanLimit) { view in
            events.append(try EventReading.event(in: view, keys: keys))
        }
        self.events = events
    }

    /// Reads a page's records: hands each wanted one to `take`, up to `limit` of them, scanning at most
    /// `scanLimit` records.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - position: The first position to look at.
    ///   - limit: The most records to take.
    ///   - filter: Which records are wanted.
    ///   - scanLimit: The most records to look at.
    ///   - take: Receives each wanted record; the view is valid only during the call.
    /// - Returns: The position to read from next: one past the last record scanned.
    /// - Throws: ``RapportError`` `log_failure`, or what `take` throws.
    static func scan(
        _ log: EventLog,
        from position: UInt64,
        limit: Int,
        filter: EventFilter,
        scanLimit: UInt64,
        take: (RecordView) throws -> Void
    ) throws -> UInt64 {
        var taken = 0
        var next = position
        do {
            try log.scan(from: position, limit: scanLimit) { view in
                guard taken < limit else { return false }
                next = view.position + 1
                if filter.admits(view) {
                    try take(view)
                    taken += 1
                }
                return true
            }
        } catch let error as LogError {
            throw RapportError(.logFailure, "the log could not be read from position \(position): \(error)")
        }
        return next
    }
}
