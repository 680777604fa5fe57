import RapportTime

/// The writer's view of the segment it appends to: where it ends and its counts.
///
/// A plain value, so the writer keeps two: what is acknowledged, and what is written but not yet
/// acknowledged, and falls back to the first when a write or sync fails.
struct ActiveSegment {
    let header: SegmentHeader
    let file: DataFile
    /// The hash of the last batch in the log.
    var lastBatchHash: ChainHash
    /// The offset after the last batch.
    var dataEnd: UInt64
    /// The position after the last record.
    var endPosition: UInt64
    var batchCount: UInt64
    var firstTimestamp: Timestamp?
    var lastTimestamp: Timestamp?
    /// Which batches get a sparse index entry.
    var cadence: SparseIndex.Cadence

    /// Starts a new, empty segment's view.
    ///
    /// - Parameters:
    ///   - header: The header already written to the file.
    ///   - file: The segment file, open for writing.
    ///   - indexInterval: The sparse index interval.
    init(header: SegmentHeader, file: DataFile, indexInterval: Int) {
        self.init(
            header: header,
            file: file,
            lastBatchHash: header.previousBatchHash,
            dataEnd: UInt64(SegmentHeader.size),
            endPosition: header.basePosition,
            batchCount: 0,
            firstTimestamp: nil,
            lastTimestamp: nil,
            cadence: SparseIndex.Cadence(interval: indexInterval)
        )
    }

    /// Continues a recovered segment.
    init(
        header: SegmentHeader,
        file: DataFile,
        lastBatchHash: ChainHash,
        dataEnd: UInt64,
        endPosition: UInt64,
        batchCount: UInt64,
        firstTimestamp: Timestamp?,
        lastTimestamp: Timestamp?,
        cadence: SparseIndex.Cadence
    ) {
        self.header = header
        self.file = file
        self.lastBatchHash = lastBatchHash
        self.dataEnd = dataEnd
        self.endPosition = endPosition
        self.batchCount = batchCount
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.cadence = cadence
    }

    /// The readers' state of this segment while it is still empty.
    func emptyState(indexInterval: Int) -> SegmentState {
        SegmentState(
            base: header.basePosition,
            file: file,
            dataEnd: dataEnd,
            endPosition: endPosition,
            batchCount: 0,
            index: SparseIndex(interval: indexInterval)
        )
    }

    /// The footer that seals the segment as it stands.
    ///
    /// The segment's hash is computed here, from the file, rather than kept up to date on every write: a second
    /// SHA-256 pass over every batch was a tenth of the writer's work per record, and reading back a segment that
    /// is still in the page cache costs a fraction of that, once per segment.
    ///
    /// - Throws: ``LogError/Code/ioFailure`` when the segment can not be read back.
    func footer() throws -> SegmentFooter {
        SegmentFooter(
            batchCount: batchCount,
            recordCount: endPosition - header.basePosition,
            firstPosition: header.basePosition,
            lastPosition: endPosition - 1,
            firstTimestamp: firstTimestamp ?? Timestamp(microsecondsSinceEpoch: 0),
            lastTimestamp: lastTimestamp ?? Timestamp(microsecondsSinceEpoch: 0),
            dataEnd: dataEnd,
            segmentHash: try file.sha256(upTo: dataEnd),
            previousSegmentHash: header.previousSegmentHash,
            lastBatchHash: lastBatchHash
        )
    }
}
