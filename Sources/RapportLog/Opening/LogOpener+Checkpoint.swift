/// Opening from a checkpoint: checking that the log still is the one the checkpoint saw, and taking each segment's
/// state from it instead of from the segment's batches.
extension LogOpener {
    /// Why a checkpoint does not fit the log; opening then reads every batch instead.
    struct CheckpointRejection: Error {
        /// What does not fit.
        var reason: String
    }

    /// A checkpoint that fits the log, ready to give each segment its state.
    struct Restoring {
        /// One segment's state as the checkpoint gives it.
        struct Segment {
            /// The state and the hash to resume loading from.
            var resumption: SegmentLoader.Resumption
            /// Whether it is the last segment the checkpoint saw, the only one that may have grown since.
            var isLast: Bool
        }

        /// The checkpoint.
        let checkpoint: LogCheckpoint
        /// The sparse index of the checkpoint's last segment, with the cadence put back by reading its last
        /// batches again.
        let lastIndex: SparseIndex

        /// The state of the segment numbered `number`, when the checkpoint saw it.
        ///
        /// - Parameters:
        ///   - number: The segment's number, from 0 for the oldest.
        ///   - file: The segment file.
        ///   - interval: The sparse index interval.
        /// - Returns: Its state, or `nil` for a segment begun after the checkpoint.
        func segment(_ number: Int, file: DataFile, interval: Int) -> Segment? {
            guard number < checkpoint.segments.count else { return nil }
            let summary = checkpoint.segments[number]
            let isLast = number == checkpoint.segments.count - 1
            var state = summary.state(file: file, interval: interval, keptEntries: summary.entries.count)
            if isLast { state.index = lastIndex }
            // Only the last segment is ever loaded further; the others must be sealed as they were, and take their
            // last hash from their footers.
            let hash = isLast ? checkpoint.headHash : .zero
            return Segment(resumption: SegmentLoader.Resumption(state: state, lastBatchHash: hash), isLast: isLast)
        }
    }

    /// Checks a checkpoint against the log before anything is taken from it: the segment files it saw are the
    /// directory's first ones, and its last batches are still in place, whole, and end at its position with its
    /// head hash.
    ///
    /// - Parameters:
    ///   - checkpoint: The checkpoint.
    ///   - bases: The directory's segment bases, oldest first.
    /// - Returns: The checkpoint, ready to use.
    /// - Throws: ``CheckpointRejection`` naming what does not fit; ``LogError`` when a file can not be read.
    func prepare(_ checkpoint: LogCheckpoint, bases: [UInt64]) throws -> Restoring {
        guard checkpoint.streams.indexing == streams else {
            throw CheckpointRejection(
                reason: checkpoint.streams.indexing == .indexed
                    ? "the checkpoint holds a stream index, the log is opened without one"
                    : "the checkpoint holds no stream index, the log is opened with one"
            )
        }
        guard let last = checkpoint.segments.last, let lastEntry = last.entries.last else {
            guard checkpoint.position == 0, checkpoint.headHash == .zero else {
                throw CheckpointRejection(reason: "an empty checkpoint stands for position \(checkpoint.position)")
            }
            return Restoring(checkpoint: checkpoint, lastIndex: SparseIndex(interval: checkpoint.indexInterval))
        }
        guard bases.starts(with: checkpoint.segments.map(\.base)) else {
            throw CheckpointRejection(reason: "the log's segment files are not the ones the checkpoint saw")
        }
        let file = try DataFile.openForReading(directory.segmentPath(base: last.base))
        guard try file.size() >= last.dataEnd else {
            throw CheckpointRejection(reason: "segment \(last.base) ends before byte \(last.dataEnd)")
        }
        var index = SparseIndex(interval: checkpoint.indexInterval)
        for entry in last.entries.dropLast() { index.append(entry) }
        var cursor = BatchCursor(file: file, start: lastEntry.offset, end: last.dataEnd, checksums: true)
        var expected = lastEntry.position
        var hash: ChainHash?
        while case .batch(let header, let offset) = try cursor.next() {
            guard header.basePosition == expected else {
                throw CheckpointRejection(reason: "the batch at byte \(offset) of segment \(last.base) is out of place")
            }
            index.note(header, at: offset)
            expected = header.endPosition
            hash = cursor.withCurrentBatch { BatchDecoder.hash(of: $0) }
        }
        guard cursor.offset == last.dataEnd, expected == checkpoint.position, hash == checkpoint.headHash,
            index.entries == last.entries
        else {
            throw CheckpointRejection(
                reason: "the log's batches up to position \(checkpoint.position) are not the ones the checkpoint saw"
            )
        }
        // A writer goes on indexing the last segment with the checkpoint's cadence; a reader never indexes.
        guard !writable || checkpoint.indexInterval == options.indexInterval else {
            throw CheckpointRejection(
                reason: "the checkpoint's index interval is \(checkpoint.indexInterval), "
                    + "the log is opened with \(options.indexInterval)"
            )
        }
        return Restoring(checkpoint: checkpoint, lastIndex: index)
    }

    /// A sealed segment's state: as the checkpoint saw it when that was the whole segment, else read from its
    /// batches after the checkpoint's (or from all of them when the checkpoint did not see it).
    ///
    /// - Throws: ``CheckpointRejection`` when the segment is not sealed where the checkpoint says it ended.
    func loadSealed(
        _ loader: SegmentLoader,
        footer: SegmentFooter,
        from summary: Restoring.Segment?,
        into opened: inout Opened
    ) throws -> SegmentLoader.Loaded {
        guard let summary else {
            return try loader.load(end: footer.dataEnd, streams: &opened.streams, hashing: .none)
        }
        let state = summary.resumption.state
        if state.dataEnd == footer.dataEnd {
            guard state.firstTimestamp == footer.firstTimestamp, state.lastTimestamp == footer.lastTimestamp else {
                throw CheckpointRejection(reason: "segment \(state.base)'s times are not the ones the checkpoint saw")
            }
            return SegmentLoader.Loaded(state: state, lastBatchHash: footer.lastBatchHash, lastRecordedAt: nil)
        }
        guard summary.isLast, state.dataEnd < footer.dataEnd else {
            throw CheckpointRejection(reason: "segment \(state.base) is sealed where the checkpoint did not end it")
        }
        return try loader.load(
            end: footer.dataEnd,
            streams: &opened.streams,
            hashing: .none,
            resuming: summary.resumption
        )
    }
}
