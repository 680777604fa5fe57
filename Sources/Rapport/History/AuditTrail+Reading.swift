public import RapportCRM
public import RapportLog

extension AuditTrail {
    /// The audit trail of one record: every event of its stream, with the fields each one changed.
    ///
    /// Reads the stream through the log's stream index, not the whole log.
    ///
    /// - Parameters:
    ///   - stream: The record's stream.
    ///   - log: The log, open for reading or writing.
    ///   - keys: The keys that open personal values.
    /// - Returns: The trail, subject the stream's name.
    /// - Throws: ``RapportError`` with code `stream_not_found` when no event was ever recorded in the stream,
    ///   `unreadable_event` or `log_failure` when the log cannot be read.
    public static func history(of stream: StreamName, in log: EventLog, keys: PersonalDataKeys) throws -> AuditTrail {
        var fields = RecordFields()
        let entries = try events(of: stream, in: log, keys: keys).map { event in
            AuditEntry(event, changes: try fields.apply(event))
        }
        return AuditTrail(subject: stream.description, entries: entries)
    }

    /// The events of a stream, in stream order.
    ///
    /// - Parameters:
    ///   - stream: The stream.
    ///   - log: The log.
    ///   - keys: The keys that open personal values.
    /// - Returns: The events.
    /// - Throws: ``RapportError`` with code `stream_not_found`, `unreadable_event` or `log_failure`.
    static func events(of stream: StreamName, in log: EventLog, keys: PersonalDataKeys) throws -> [RecordedEvent] {
        let name = stream.description
        guard log.version(of: name) > 0 else {
            throw RapportError(
                .streamNotFound,
                "stream \(name) does not exist: no event was ever recorded for a \(stream.kind.rawValue) "
                    + "with id \(stream.id.text)"
            )
        }
        do {
            return try log.readStream(name).map { try EventReading.event(in: $0, keys: keys) }
        } catch let error as LogError {
            throw RapportError(
                .logFailure,
                "cannot read \(name) in the log at \(log.directory): \(error)",
                cause: error
            )
        }
    }
}
