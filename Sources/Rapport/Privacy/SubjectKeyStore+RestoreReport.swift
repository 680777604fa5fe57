/// What a restore wrote.
extension SubjectKeyStore {
    /// What ``SubjectKeyStore/restore(from:into:forgotten:notice:)`` wrote into the data directory.
    public struct RestoreReport: Sendable, Codable, Equatable {
        /// What became of the key store that was in the data directory before the restore.
        public enum CurrentStore: String, Sendable, Codable {
            /// It read cleanly and its slots were merged with the backup's.
            case merged
            /// It was damaged or could not be read, and was replaced by the backup and the log's erasures.
            case replaced
            /// There was none.
            case absent
        }

        /// How many subjects have a key in the restored store.
        public var liveKeys: Int
        /// How many subjects are destroyed in the restored store, tombstones included.
        public var destroyedSubjects: Int
        /// How many keys the backup held for subjects the log says were forgotten, destroyed in the result.
        public var forgottenInBackup: Int
        /// How many keys the backup held that the current store had destroyed since, destroyed in the result.
        public var destroyedSinceBackup: Int
        /// How many keys only the current store held (created after the backup), kept in the result.
        public var keysAddedSinceBackup: Int
        /// Whether the current store was merged, replaced or absent.
        public var currentStore: CurrentStore
    }
}
