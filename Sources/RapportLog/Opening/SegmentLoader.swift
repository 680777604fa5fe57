import Crypto

/// Reads one segment's batches at open: builds its reader state and feeds the stream index.
struct SegmentLoader {
    /// The first thing wrong in a segment, with where it starts.
    struct Damage: Sendable, Hashable {
        /// The byte offset of the first bad batch.
        var offset: UInt64
        /// The position the bad batch should have started at.
        var position: UInt64
        /// What is wrong.
        var reason: String
        /// Whether the bytes simply stop before a whole batch (a write cut short) rather than being wrong.
        var incomplete = false
    }

    /// What loading found.
    struct Loaded {
        var state: SegmentState
        var lastBatchHash: ChainHash
        var lastRecordedAt: Timestamp?
        /// SHA-256 of the segment's bytes so far, when loading with `hashing`.
        var hasher: SHA256?
        /// The first damage found; everything before it was loaded.
        var damage: Damage?
    }

    let file: DataFile
    let header: SegmentHeader
    let indexInterval: Int

    /// Loads batches from the end of the header to `end`, stopping at the first damage.
    ///
    /// With `hashing`, each batch's hash is computed and checked against the next batch's previous-hash field
    /// and the segment's running hash is kept (the unsealed tail); without it, batches are only checked by CRC
    /// and structure (sealed segments, which open never re-hashes).
    ///
    /// - Parameters:
    ///   - end: The offset after the last batch byte (the footer's data end, or the file size).
    ///   - streams: The stream index to add the records to.
    ///   - hashing: Whether to hash (see above).
    /// - Returns: The segment's state and the first damage found.
    /// - Throws: ``LogError/Code/ioFailure`` when the file can not be read.
    func load(end: UInt64, streams: inout StreamIndex, hashing: Bool) throws -> Loaded {
        var state = SegmentState(
            base: header.basePosition, file: file, dataEnd: UInt64(SegmentHeader.size),
            endPosition: header.basePosition, batchCount: 0, index: SparseIndex(interval: indexInterval)
        )
        var loaded = Loaded(state: state, lastBatchHash: header.previousBatchHash, lastRecordedAt: nil)
        if hashing {
            var hasher = SHA256()
            hasher.update(data: header.bytes)
            loaded.hasher = hasher
        }
        var cursor = BatchCursor(file: file, start: UInt64(SegmentHeader.size), end: end, checksums: true)
        var scratch: [UInt8] = []
        var pending: [(String, UInt64)] = []
        while true {
            switch try cursor.next() {
            case .end:
                loaded.state = state
                return loaded
            case .damaged(let offset, let reason, let incomplete):
                loaded.state = state
                loaded.damage = Damage(
                    offset: offset, position: state.endPosition, reason: reason, incomplete: incomplete
                )
                return loaded
            case .batch(let batchHeader, let offset):
                if let reason = try check(
                    batchHeader, cursor: cursor, state: state, loaded: &loaded, hashing: hashing,
                    streams: streams, scratch: &scratch, pending: &pending
                ) {
                    loaded.state = state
                    loaded.damage = Damage(offset: offset, position: state.endPosition, reason: reason)
                    return loaded
                }
                for (index, entry) in pending.enumerated() {
                    streams.add(streamId: entry.0, position: batchHeader.basePosition + UInt64(index))
                }
                state.note(batchHeader, at: offset)
                loaded.lastRecordedAt = batchHeader.lastTimestamp
            }
        }
    }

    /// Checks one batch against what came before it; returns why it is bad, or `nil`.
    private func check(
        _ batchHeader: BatchHeader,
        cursor: BatchCursor,
        state: SegmentState,
        loaded: inout Loaded,
        hashing: Bool,
        streams: StreamIndex,
        scratch: inout [UInt8],
        pending: inout [(String, UInt64)]
    ) throws -> String? {
        guard batchHeader.basePosition == state.endPosition else {
            return "batch starts at position \(batchHeader.basePosition), expected \(state.endPosition)"
        }
        if let last = loaded.lastRecordedAt, batchHeader.firstTimestamp < last {
            return "batch record time goes back before the previous batch's"
        }
        guard batchHeader.firstTimestamp <= batchHeader.lastTimestamp else {
            return "batch first record time is after its last"
        }
        if hashing, batchHeader.previousHash != loaded.lastBatchHash {
            return "batch's previous-batch hash does not match the batch before it"
        }
        pending.removeAll(keepingCapacity: true)
        do {
            try cursor.withCurrentBatch { bytes in
                let stored = UnsafeRawBufferPointer(rebasing: bytes[BatchHeader.size...])
                try BatchDecoder.withBlock(batchHeader, stored: stored, scratch: &scratch) { block in
                    _ = try BatchDecoder.forEachRecord(in: block, header: batchHeader) { view in
                        pending.append((view.streamId, view.streamVersion))
                        return true
                    }
                }
            }
        } catch let error as LogError where error.code == .corruptData {
            return error.message
        }
        var versions: [String: UInt64] = [:]
        for (index, entry) in pending.enumerated() {
            let current = versions[entry.0] ?? streams.version(of: entry.0)
            guard entry.1 == current + 1 else {
                let position = batchHeader.basePosition + UInt64(index)
                return "record \(position) of stream \(entry.0) has version \(entry.1), expected \(current + 1)"
            }
            versions[entry.0] = entry.1
        }
        if hashing {
            cursor.withCurrentBatch { bytes in
                loaded.lastBatchHash = BatchDecoder.hash(of: bytes)
                loaded.hasher?.update(bufferPointer: bytes)
            }
        }
        return nil
    }
}
