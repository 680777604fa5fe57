/// Restoring a data directory's key store from a backup, without ever bringing back a key that was destroyed.
extension SubjectKeyStore {
    /// Restores a data directory's key store from a backup.
    ///
    /// The backup is checked entirely (every check of opening, and a backup ending in a partial slot is
    /// damaged). The result is the union of the backup and of the current store when there is one that reads
    /// cleanly; a current store that is damaged or unreadable is replaced, and `notice` says so. A subject
    /// destroyed in either, or listed in `forgotten`, is destroyed in the result, so a restore never brings back a
    /// shredded key; forgotten subjects with no slot in either get a destroyed one. The result is written
    /// atomically (a temporary file, synced and read back, renamed over the current store, the directory synced).
    /// No process may have the store open while it is restored.
    ///
    /// - Parameters:
    ///   - backup: The backup file, as ``backup(to:replacing:)`` wrote it.
    ///   - dataDirectory: The data directory whose key store is written; it must exist.
    ///   - forgotten: The subjects whose erasure the log records.
    ///   - notice: Receives a line when there was no current store, or when a damaged one is replaced.
    /// - Returns: What the restored store holds and where it came from.
    /// - Throws: ``RapportError`` `key_store_failure` when the backup is missing or damaged, when a subject has
    ///   different live keys in the backup and in the current store, or when the result cannot be written (the
    ///   current store is then as it was); `invalid_input` for a forgotten subject that no slot can hold.
    public static func restore(
        from backup: String,
        into dataDirectory: String,
        forgotten: Set<String>,
        notice: (String) -> Void
    ) throws -> RestoreReport {
        for subject in forgotten { try SubjectKeySlot.check(subject: subject) }
        let saved = try readBackup(backup)
        let target = path(in: dataDirectory)
        let (current, outcome) = readCurrentStore(at: target, notice: notice)
        var report = RestoreReport(
            liveKeys: 0,
            destroyedSubjects: 0,
            forgottenInBackup: 0,
            destroyedSinceBackup: 0,
            keysAddedSinceBackup: 0,
            currentStore: outcome
        )
        var merged = SubjectKeyTable()
        for slot in saved.slots {
            let now = current?[slot.subject]
            var key = slot.key
            if let savedKey = key {
                if forgotten.contains(slot.subject) {
                    key = nil
                    report.forgottenInBackup += 1
                } else if let now, now.key == nil {
                    key = nil
                    report.destroyedSinceBackup += 1
                } else if let nowKey = now?.key, nowKey != savedKey {
                    throw RapportError(
                        .keyStoreFailure,
                        "subject \(slot.subject) has one key in key store backup \(backup) and another in "
                            + "\(name(of: target)): either would leave the personal data encrypted under the other "
                            + "unreadable, so nothing was restored"
                    )
                }
            }
            merged.append(SubjectKeySlot(subject: slot.subject, key: key))
        }
        for slot in current?.slots ?? [] where saved[slot.subject] == nil {
            let key = forgotten.contains(slot.subject) ? nil : slot.key
            if key != nil { report.keysAddedSinceBackup += 1 }
            merged.append(SubjectKeySlot(subject: slot.subject, key: key))
        }
        for subject in forgotten.sorted() where merged[subject] == nil {
            merged.append(SubjectKeySlot(subject: subject, key: nil))
        }
        try merged.write(to: target, name: name(of: target), replacing: true)
        report.liveKeys = merged.liveCount
        report.destroyedSubjects = merged.destroyedCount
        return report
    }

    private static func readBackup(_ path: String) throws -> SubjectKeyTable {
        let name = "key store backup \(path)"
        let advice = "it cannot be restored; use another backup"
        guard let file = try SubjectKeyFileHandle.open(path, name: name, writable: false) else {
            throw RapportError(.keyStoreFailure, "\(name) does not exist")
        }
        defer { file.close() }
        let (table, size) = try SubjectKeyTable.load(from: file, advice: advice)
        let end = SubjectKeyFile.offset(ofSlot: table.slotCount)
        guard size == end else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) is damaged: it has \(size - end) bytes past byte \(end), where its \(table.slotCount) "
                    + "whole slots end, but a backup is written whole; \(advice)"
            )
        }
        return table
    }

    private static func readCurrentStore(
        at path: String,
        notice: (String) -> Void
    ) -> (SubjectKeyTable?, RestoreReport.CurrentStore) {
        let name = name(of: path)
        do {
            guard let file = try SubjectKeyFileHandle.open(path, name: name, writable: false) else {
                notice("there was no \(name): it is written from the backup and the log's erasures")
                return (nil, .absent)
            }
            defer { file.close() }
            return (try SubjectKeyTable.load(from: file, advice: "it is replaced").table, .merged)
        } catch {
            let reason = (error as? RapportError)?.message ?? "\(error)"
            notice(
                "\(name) does not read cleanly (\(reason)): the restore writes the backup and the log's erasures "
                    + "in its place, so any key created since the backup is lost"
            )
            return (nil, .replaced)
        }
    }
}
