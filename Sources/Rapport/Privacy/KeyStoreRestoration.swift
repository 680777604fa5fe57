import RapportCRM
public import RapportLog

/// Restoring a data directory's key store from a backup, with every erasure the log records kept.
public enum KeyStoreRestoration {
    /// Restores the key store of a data directory that no process is writing: takes the log's writer lock,
    /// reads which persons the log says were forgotten, and restores the backup without their keys (see
    /// ``SubjectKeyStore/restore(from:into:forgotten:notice:)``).
    ///
    /// - Parameters:
    ///   - backup: The backup file.
    ///   - dataDirectory: The data directory.
    ///   - notice: Receives a line about the store replaced or merged.
    /// - Returns: What the restored store holds.
    /// - Throws: ``RapportError`` `log_failure` when the log cannot be opened (e.g. a server is running on it),
    ///   `key_store_failure` when the backup is damaged or the store cannot be written.
    public static func restore(
        from backup: String,
        into dataDirectory: String,
        notice: (String) -> Void
    ) async throws -> SubjectKeyStore.RestoreReport {
        let log: EventLog
        do {
            log = try EventLog.open(directory: dataDirectory, options: LogOptions())
        } catch {
            throw RapportError(
                .logFailure,
                "cannot open the log at \(dataDirectory) to restore its key store (no other process may write it "
                    + "meanwhile): \(error)",
                cause: error
            )
        }
        do {
            let forgotten = try forgottenSubjects(in: log)
            let report = try SubjectKeyStore.restore(
                from: backup,
                into: dataDirectory,
                forgotten: forgotten,
                notice: notice
            )
            await log.close()
            return report
        } catch {
            await log.close()
            throw error
        }
    }

    /// The streams of the persons the log records as forgotten.
    ///
    /// - Parameter log: The log.
    /// - Returns: E.g. `contact-c17`, `lead-L9`.
    /// - Throws: ``RapportError`` `log_failure`.
    static func forgottenSubjects(in log: EventLog) throws -> Set<String> {
        var subjects: Set<String> = []
        try EventReading.scan(log) { view in
            if forgettingTypes.contains(where: { view.typeBytes.elementsEqual($0) }) {
                subjects.insert(view.streamId)
            }
            return true
        }
        return subjects
    }

    /// The event types that record a person forgotten, as the log stores them.
    private static let forgettingTypes = [
        Array(ContactForgotten.eventType.utf8), Array(LeadForgotten.eventType.utf8),
    ]
}
