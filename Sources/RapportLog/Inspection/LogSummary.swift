public import RapportTime

/// What a log holds, segment by segment: counts, ranges, and bytes stored against bytes encoded.
public struct LogSummary: Hashable, Sendable {
    /// One segment file's figures.
    public struct Segment: Hashable, Sendable {
        /// The segment file's name, `<20-digit base position>.log`.
        public var file: String
        /// The position of the segment's first record.
        public var basePosition: UInt64
        /// Whether the segment has a footer (it is sealed and will not change).
        public var isSealed: Bool
        /// The number of record batches.
        public var batchCount: UInt64
        /// The number of records.
        public var recordCount: UInt64
        /// The size of the segment file in bytes.
        public var fileBytes: UInt64
        /// The bytes of the batches' blocks before compression.
        public var uncompressedBytes: UInt64
        /// The bytes of the batches' blocks as stored.
        public var storedBytes: UInt64
        /// The record time of the segment's first record.
        public var firstRecordedAt: Timestamp?
        /// The record time of the segment's last record.
        public var lastRecordedAt: Timestamp?
    }

    /// The segments, oldest first.
    public var segments: [Segment] = []
    /// The number of streams.
    public var streamCount = 0
    /// The hash of the last batch: the head of the hash chain.
    public var headHash = ChainHash.zero

    /// The number of records in the log.
    public var recordCount: UInt64 { segments.reduce(0) { $0 + $1.recordCount } }
    /// The number of batches in the log.
    public var batchCount: UInt64 { segments.reduce(0) { $0 + $1.batchCount } }
    /// The bytes of every segment file.
    public var fileBytes: UInt64 { segments.reduce(0) { $0 + $1.fileBytes } }
    /// The bytes of every block before compression.
    public var uncompressedBytes: UInt64 { segments.reduce(0) { $0 + $1.uncompressedBytes } }
    /// The bytes of every block as stored.
    public var storedBytes: UInt64 { segments.reduce(0) { $0 + $1.storedBytes } }

    /// Uncompressed block bytes per stored block byte (1 for an empty log).
    public var compressionRatio: Double {
        storedBytes == 0 ? 1 : Double(uncompressedBytes) / Double(storedBytes)
    }
}
