/// Opening a data directory's key store, for writing (creating it, cutting a torn append) or for reading.
extension SubjectKeyStore {
    /// Opens a data directory's key store for reading and writing.
    ///
    /// A missing file is created when asked: the header is written to a temporary file, synced, renamed into
    /// place, and the directory synced. A file that ends in a partial slot (or in all-zero slots) ends in an
    /// append cut short by a crash, whose key no acknowledged command used: it is cut away, synced, and reported
    /// through `notice`. Every whole slot is checked; any damage is an error, never skipped.
    ///
    /// - Parameters:
    ///   - dataDirectory: The data directory, which must exist.
    ///   - createIfMissing: Whether a missing key store is created empty; pass `false` when the log already holds
    ///     personal data, whose keys a new store would not have.
    ///   - durability: When created keys are synced.
    ///   - notice: Receives a line when a torn append was cut away.
    /// - Returns: The open store.
    /// - Throws: ``RapportError`` `key_store_failure` when the file is missing (and not to be created), cannot be
    ///   opened, written or synced, or is damaged: the message names the file, and the slot and its byte offset
    ///   for a damaged slot.
    public static func open(
        dataDirectory: String,
        createIfMissing: Bool,
        durability: Durability = .syncEachChange,
        notice: (String) -> Void
    ) throws -> SubjectKeyStore {
        let path = path(in: dataDirectory)
        let name = name(of: path)
        var opened = try SubjectKeyFileHandle.open(path, name: name, writable: true)
        if opened == nil {
            guard createIfMissing else {
                throw RapportError(
                    .keyStoreFailure,
                    "\(name) is missing: personal fields cannot be read or written without it; "
                        + damageAdvice
                )
            }
            try SubjectKeyTable().write(to: path, name: name, replacing: false)
            opened = try SubjectKeyFileHandle.open(path, name: name, writable: true)
        }
        guard let file = opened else {
            throw RapportError(.keyStoreFailure, "\(name) vanished right after it was created")
        }
        do {
            let (table, size) = try SubjectKeyTable.load(from: file, advice: damageAdvice)
            let end = SubjectKeyFile.offset(ofSlot: table.slotCount)
            if size > end {
                try file.truncate(to: end)
                try file.sync()
                notice(
                    "\(name) ended with \(size - end) bytes past byte \(end), where its \(table.slotCount) whole "
                        + "slots end: an append cut short, whose key no acknowledged command used; they were cut away"
                )
            }
            return SubjectKeyStore(file: file, table: table, isReadOnly: false, durability: durability)
        } catch {
            file.close()
            throw error
        }
    }

    /// Opens a data directory's key store for reading only: nothing is ever written, and a partial slot at the
    /// end (an append in progress, or cut short) is left alone.
    ///
    /// - Parameter dataDirectory: The data directory.
    /// - Returns: The open store, which refuses to create or destroy keys.
    /// - Throws: ``RapportError`` `key_store_failure` when the file is missing (personal fields cannot be read
    ///   without it), cannot be opened, or is damaged.
    public static func openForReading(dataDirectory: String) throws -> SubjectKeyStore {
        let path = path(in: dataDirectory)
        let name = name(of: path)
        guard let file = try SubjectKeyFileHandle.open(path, name: name, writable: false) else {
            throw RapportError(
                .keyStoreFailure,
                "\(name) is missing: the personal fields of contacts and leads (names, emails, phones) cannot be "
                    + "read without it; restore it from a backup with `rapport keys restore`"
            )
        }
        do {
            let table = try loadSettled(from: file)
            return SubjectKeyStore(file: file, table: table, isReadOnly: true, durability: .syncOnRequest)
        } catch {
            file.close()
            throw error
        }
    }

    /// Reads a file that a writer may be changing at the same moment, reading it once more when it looks
    /// damaged: a slot being rewritten in place can be read half old, half new.
    ///
    /// - Parameter file: The open file.
    /// - Returns: Its slots, up to the last whole one.
    /// - Throws: ``RapportError`` `key_store_failure` when the second reading fails too.
    static func loadSettled(from file: SubjectKeyFileHandle) throws -> SubjectKeyTable {
        do {
            return try SubjectKeyTable.load(from: file, advice: damageAdvice).table
        } catch {
            return try SubjectKeyTable.load(from: file, advice: damageAdvice).table
        }
    }
}
