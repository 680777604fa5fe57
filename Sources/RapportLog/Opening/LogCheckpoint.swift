import RapportTime

/// What opening learns from reading a log's batches, up to a position: where every stream's records are, and each
/// segment's counts, times and sparse index. Given back to ``EventLog``'s opening, it spares reading the batches
/// before the position; opening reads only the batches after it.
///
/// A checkpoint stands for the log as it was when it was taken, and is used only after opening has checked that
/// the log still is that log: the batch that ends at ``position`` must be in the same place and hash to
/// ``headHash``, the head of the hash chain that covers every batch before it.
package struct LogCheckpoint: Sendable {
    /// One segment as the checkpoint saw it: its reader state without the open file.
    struct Segment: Hashable, Sendable {
        /// The position of its first record.
        var base: UInt64
        /// The offset after its last batch before the checkpoint's position.
        var dataEnd: UInt64
        /// The position after its last record before the checkpoint's position.
        var endPosition: UInt64
        /// Its number of batches before the checkpoint's position.
        var batchCount: UInt64
        /// The record time of its first record.
        var firstTimestamp: Timestamp
        /// The record time of its last record before the checkpoint's position.
        var lastTimestamp: Timestamp
        /// Its sparse index entries.
        var entries: [SparseIndex.Entry]
    }

    /// The number of records the checkpoint covers: it stands for positions below this one.
    package let position: UInt64
    /// The hash of the batch that ends at ``position`` (``ChainHash/zero`` for an empty log).
    package let headHash: ChainHash
    /// The sparse index interval the last segment's entries were made with, which a writer must go on with.
    let indexInterval: Int
    /// The segments holding records below ``position``, oldest first.
    let segments: [Segment]
    /// Where each stream's records below ``position`` are.
    let streams: StreamIndex

    /// Creates a checkpoint, after checking that its parts fit together.
    ///
    /// - Throws: ``LogError/Code/corruptData`` when the segments do not follow each other from position 0 to
    ///   `position`, or a segment's index does not lie inside it.
    init(
        position: UInt64,
        headHash: ChainHash,
        indexInterval: Int,
        segments: [Segment],
        streams: StreamIndex
    ) throws(LogError) {
        var expectedBase: UInt64 = 0
        for segment in segments {
            guard segment.base == expectedBase, segment.endPosition > segment.base, segment.batchCount > 0,
                segment.dataEnd > UInt64(SegmentHeader.size), segment.firstTimestamp <= segment.lastTimestamp
            else {
                throw CheckpointReader.damage(
                    "segment \(segment.base) does not follow on from position \(expectedBase)"
                )
            }
            try Self.check(segment.entries, of: segment)
            expectedBase = segment.endPosition
        }
        guard expectedBase == position else {
            throw CheckpointReader.damage("the segments end at \(expectedBase), the checkpoint at \(position)")
        }
        self.position = position
        self.headHash = headHash
        self.indexInterval = indexInterval
        self.segments = segments
        self.streams = streams
    }

    /// Checks that a segment's sparse index starts at its first batch and rises inside it.
    private static func check(_ entries: [SparseIndex.Entry], of segment: Segment) throws(LogError) {
        guard let first = entries.first, first.position == segment.base, first.offset == UInt64(SegmentHeader.size)
        else {
            throw CheckpointReader.damage("the index of segment \(segment.base) does not start at its first batch")
        }
        for (earlier, later) in zip(entries, entries.dropFirst()) {
            guard earlier.position < later.position, earlier.offset < later.offset,
                earlier.timestamp <= later.timestamp
            else {
                throw CheckpointReader.damage("the index of segment \(segment.base) does not rise")
            }
        }
        guard let last = entries.last, last.position < segment.endPosition, last.offset < segment.dataEnd else {
            throw CheckpointReader.damage("the index of segment \(segment.base) runs past its end")
        }
    }
}

extension LogCheckpoint.Segment {
    /// The segment's state as the checkpoint saw it.
    ///
    /// - Parameters:
    ///   - segment: The state in the log.
    init(_ segment: SegmentState) {
        self.init(
            base: segment.base,
            dataEnd: segment.dataEnd,
            endPosition: segment.endPosition,
            batchCount: segment.batchCount,
            firstTimestamp: segment.firstTimestamp ?? Timestamp(microsecondsSinceEpoch: 0),
            lastTimestamp: segment.lastTimestamp ?? Timestamp(microsecondsSinceEpoch: 0),
            entries: segment.index.entries
        )
    }

    /// The reader state of this segment, read from `file`, with the index entries before `lastEntries` (the
    /// caller adds those by noting the batches it reads again, which also puts the cadence back).
    ///
    /// - Parameters:
    ///   - file: The segment file.
    ///   - interval: The sparse index interval.
    ///   - keptEntries: How many of the index entries to take as they are.
    func state(file: DataFile, interval: Int, keptEntries: Int) -> SegmentState {
        var index = SparseIndex(interval: interval)
        for entry in entries.prefix(keptEntries) {
            index.append(entry)
        }
        var state = SegmentState(
            base: base,
            file: file,
            dataEnd: dataEnd,
            endPosition: endPosition,
            batchCount: batchCount,
            index: index
        )
        state.firstTimestamp = firstTimestamp
        state.lastTimestamp = lastTimestamp
        return state
    }
}
