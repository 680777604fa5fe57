/// The result of re-reading a whole log: what was checked, the chain head, and the first problem.
public struct VerificationReport: Hashable, Sendable {
    /// The first thing found wrong, located by file, byte offset and position.
    public struct Problem: Hashable, Sendable {
        /// The file it is in.
        public var file: String
        /// The byte offset of the bad batch or structure in that file.
        public var byteOffset: UInt64
        /// The position the bad batch starts at (or should start at).
        public var position: UInt64
        /// What is wrong.
        public var message: String
    }

    /// The number of segment files checked.
    public var segmentCount = 0
    /// The number of sealed segments whose hash was recomputed.
    public var sealedSegmentCount = 0
    /// The number of batches checked.
    public var batchCount: UInt64 = 0
    /// The number of records checked.
    public var recordCount: UInt64 = 0
    /// The bytes of all segment files.
    public var bytesOnDisk: UInt64 = 0
    /// The hash of the last good batch: the head of the chain an auditor can record.
    public var headHash = ChainHash.zero
    /// The first problem, or `nil` when the log is intact.
    public var problem: Problem?
    /// Bytes after the last whole batch of the unsealed segment: a write in progress, or one cut short by a
    /// crash (the writer removes them when it next opens). Not a problem.
    public var incompleteTailBytes: UInt64 = 0

    /// Whether every checksum, hash link, footer and index matched.
    public var isIntact: Bool { problem == nil }

    /// The position of the last good record, if any.
    public var headPosition: UInt64? { recordCount == 0 ? nil : recordCount - 1 }
}
