public import Rapport
import RapportCRM
public import RapportLog

/// A copy of a log written record by record through one writer, with its personal values either sealed as they
/// were or back in clear: two logs that differ only in that, to measure what encrypting personal fields costs a
/// replay. Records keep their order, ids, streams and times, and both copies are batched the same way.
public enum PersonalDataTwin {
    /// Writes a copy of a log.
    ///
    /// - Parameters:
    ///   - log: The log with sealed personal values.
    ///   - keys: The keys that open them.
    ///   - plain: Whether the copy holds the personal values in clear (else sealed, byte for byte as in `log`).
    ///   - directory: Where the copy is written (a new data directory; the key store is copied for a sealed one).
    /// - Returns: The copy, open for reading.
    /// - Throws: What reading or appending throws.
    public static func write(
        of log: EventLog,
        keys: PersonalDataKeys,
        plain: Bool,
        to directory: String
    ) async throws -> EventLog {
        let twin = try EventLog.open(directory: directory, options: LogOptions(durability: .none))
        var records: [ProposedRecord] = []
        var failure: (any Error)?
        try log.scan { view in
            do {
                let event = try EventReading.event(in: view, keys: keys)
                records.append(
                    ProposedRecord(
                        id: event.id,
                        streamId: event.stream.description,
                        type: event.event.eventType,
                        expectedVersion: .any,
                        occurredAt: event.occurredAt,
                        metadata: plain ? event.metadata.encoded() : Array(view.metadataBytes),
                        payload: plain ? event.event.encodedPayload() : Array(view.payloadBytes)
                    )
                )
            } catch {
                failure = error
                return false
            }
            return true
        }
        if let failure { throw failure }
        for start in stride(from: 0, to: records.count, by: 4_096) {
            _ = try await twin.append(Array(records[start..<min(start + 4_096, records.count)]))
        }
        await twin.close()
        if !plain {
            try SubjectKeyStore.openForReading(dataDirectory: log.directory).backup(
                to: directory + "/" + SubjectKeyStore.fileName
            )
        }
        return try EventLog.openForReading(directory: directory)
    }
}
