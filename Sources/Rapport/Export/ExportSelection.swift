import RapportCRM
import RapportLog

/// Finds the events of an export's scope.
enum ExportSelection {
    /// The number of records read from a stream at a time.
    private static let streamChunk = 1024

    /// Reads a stream's events in order, a chunk at a time.
    ///
    /// - Parameters:
    ///   - stream: The stream.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    ///   - body: Receives each event.
    /// - Throws: ``RapportError`` with code `stream_not_found`, `unreadable_event` or `log_failure`, or what
    ///   `body` throws.
    static func forEachEvent(
        of stream: StreamName,
        in log: EventLog,
        keys: PersonalDataKeys,
        _ body: (RecordedEvent) throws -> Void
    )
        throws
    {
        let name = stream.description
        let end = log.version(of: name)
        guard end > 0 else {
            throw RapportError(
                .streamNotFound,
                "stream \(name) does not exist: no event was ever recorded for a \(stream.kind.rawValue) "
                    + "with id \(stream.id.text)"
            )
        }
        var version: UInt64 = 1
        while version <= end {
            let records: [LogRecord]
            do {
                records = try log.readStream(name, fromVersion: version, limit: streamChunk)
            } catch let error as LogError {
                throw RapportError(.logFailure, "cannot read \(name) in the log at \(log.directory): \(error)")
            }
            guard let last = records.last else { break }
            for record in records {
                try body(try EventReading.event(in: record, keys: keys))
            }
            version = last.streamVersion + 1
        }
    }

    /// The positions of an account's events and of its related records' events, ascending: those of its audit
    /// trail, and every event of the leads converted into the account or into an account merged into it.
    ///
    /// - Parameters:
    ///   - id: The account.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    /// - Returns: The positions, ascending.
    /// - Throws: ``RapportError`` with code `stream_not_found` when the account does not exist,
    ///   `unreadable_event` or `log_failure`.
    static func positions(ofAccount id: RecordId, in log: EventLog, keys: PersonalDataKeys) throws -> [UInt64] {
        let trail = try AuditTrail.history(ofAccount: id, in: log, keys: keys)
        var positions = Set(trail.entries.map(\.position))
        var family: Set<String> = []
        for entry in trail.entries {
            if let stream = try? StreamName(parsing: entry.stream), stream.kind == .account {
                family.insert(stream.id.text)
            }
        }
        var leads: Set<StreamName> = []
        try EventReading.forEachEvent(in: log, keys: keys, where: { $0.typeBytes.elementsEqual(leadConverted) }) {
            event in
            if case .lead(.converted(let converted)) = event.event, family.contains(converted.accountId.text) {
                leads.insert(event.stream)
            }
        }
        for lead in leads {
            try forEachEvent(of: lead, in: log, keys: keys) { positions.insert($0.position) }
        }
        return positions.sorted()
    }

    /// The type of a lead's conversion, as the log stores it.
    private static let leadConverted = Array(LeadConverted.eventType.utf8)
}
