/// What opening a log found and repaired.
public struct RecoveryReport: Hashable, Sendable {
    /// Damaged bytes cut from the end of the unsealed segment.
    public struct Truncation: Hashable, Sendable {
        /// The segment file's name.
        public var segmentFile: String
        /// The byte offset the file was cut at.
        public var offset: UInt64
        /// How many bytes were removed.
        public var bytesRemoved: UInt64
        /// The position the first removed batch would have had.
        public var fromPosition: UInt64
        /// Why the bytes were rejected.
        public var reason: String
    }

    /// The number of segment files.
    public var segmentCount = 0
    /// The number of records found.
    public var recordCount: UInt64 = 0
    /// The number of bytes of the unsealed segment that were scanned.
    public var scannedTailBytes: UInt64 = 0
    /// The truncated tail, when there was one.
    public var truncation: Truncation?
    /// Index files that were missing or damaged and were written anew.
    public var rebuiltIndexes: [String] = []
    /// The position up to which the stream index and the segments' states came from a checkpoint (a snapshot's)
    /// instead of from reading the batches, when one was used.
    public var indexCheckpoint: UInt64?
    /// Why a checkpoint given to opening was set aside, the log then being read whole.
    public var rejectedCheckpoint: String?
}
