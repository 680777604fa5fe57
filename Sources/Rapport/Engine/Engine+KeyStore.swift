import Foundation
import RapportLog

extension Engine {
    /// Opens the data directory's key store for writing. A directory without one gets a new, empty one when its log
    /// is empty or holds no sealed personal data (a log written before personal data was encrypted); a log that
    /// holds sealed values without a key store is an error, since those values can not be read.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - log: Its log, open.
    ///   - notice: Receives a line when a key store is made for a log that already holds events.
    /// - Returns: The key store.
    /// - Throws: ``RapportError`` `key_store_failure` when the store is missing but needed, or damaged; or
    ///   `log_failure` when the log can not be scanned.
    static func openKeyStore(
        in directory: String,
        log: EventLog,
        notice: @escaping @Sendable (String) -> Void
    ) throws -> SubjectKeyStore {
        var create = false
        if !FileManager.default.fileExists(atPath: SubjectKeyStore.path(in: directory)) {
            create = try !PersonalDataKeys.holdsSealedPersonalData(log)
            if create, log.endPosition > 0 {
                notice(
                    "the log holds \(log.endPosition) events and no sealed personal data; a key store was made for "
                        + "the personal data to come"
                )
            }
        }
        return try SubjectKeyStore.open(
            dataDirectory: directory,
            createIfMissing: create,
            durability: .syncOnRequest,
            notice: notice
        )
    }
}
