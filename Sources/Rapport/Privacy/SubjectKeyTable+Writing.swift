#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a table as a whole new key store file, checked before it takes its name.
extension SubjectKeyTable {
    /// Writes the table as a key store file atomically: a temporary file beside the target is written and synced,
    /// read back with every check of opening, and only then given the target's name, and the directory synced.
    ///
    /// - Parameters:
    ///   - target: The file to write.
    ///   - name: How error messages name it, for example `key store backup /backups/keys`.
    ///   - replacing: Whether an existing file at `target` is replaced; when `false` it is an error.
    /// - Throws: ``RapportError`` `key_store_failure`; `target` is then as it was and no temporary file is left.
    func write(to target: String, name: String, replacing: Bool) throws {
        let temporary = target + ".tmp"
        let temporaryName = "\(name) (being written as \(temporary))"
        try SubjectKeyFileHandle.writeTemporary(fileBytes, at: temporary, name: temporaryName)
        do {
            try checkWritten(temporary, name: temporaryName)
            try SubjectKeyFileHandle.publish(temporary, as: target, replacing: replacing)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Reads a file just written back and checks that it holds this table's slots, no more and no fewer.
    private func checkWritten(_ path: String, name: String) throws {
        guard let file = try SubjectKeyFileHandle.open(path, name: name, writable: false) else {
            throw RapportError(.keyStoreFailure, "\(name) vanished before it was checked")
        }
        defer { file.close() }
        let advice = "it was not put in place"
        let (written, size) = try SubjectKeyTable.load(from: file, advice: advice)
        guard size == SubjectKeyFile.offset(ofSlot: slotCount), written.slotCount == slotCount,
            written.liveCount == liveCount
        else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) reads back as \(written.slotCount) slots (\(written.liveCount) live) in \(size) bytes, "
                    + "not the \(slotCount) slots (\(liveCount) live) written; \(advice)"
            )
        }
    }
}
