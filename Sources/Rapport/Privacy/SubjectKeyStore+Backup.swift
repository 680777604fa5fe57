/// Copying a key store to a backup file.
extension SubjectKeyStore {
    /// Writes a consistent copy of the store to a backup file.
    ///
    /// The copy is the store's slots as they are at one moment, taken from memory under the lock (a read-only
    /// store reads its file again first, to include what a writer changed since it was opened), so changes made
    /// while the backup is written are not in it. The file is written atomically: a temporary file in the
    /// backup's directory is written, synced, read back with every check of opening, then renamed, and the
    /// directory synced. The backup holds live keys: keep it as safe as the data directory.
    ///
    /// - Parameters:
    ///   - path: The backup file to write.
    ///   - replacing: Whether an existing file at `path` is replaced; when `false`, it is an error.
    /// - Throws: ``RapportError`` `key_store_failure` when the store is closed, the backup exists and `replacing`
    ///   is `false`, or it cannot be written; an existing file is then left as it was.
    public func backup(to path: String, replacing: Bool = false) throws {
        try currentTable().write(to: path, name: "key store backup \(path)", replacing: replacing)
    }
}
