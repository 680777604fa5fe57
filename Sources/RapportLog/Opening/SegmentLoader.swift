import Crypto
import RapportTime

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
        /// SHA-256 of the segment's bytes so far, when loading with ``Hashing/batchesAndSegment``.
        var hasher: SHA256?
        /// The first damage found; everything before it was loaded.
        var damage: Damage?
        /// The offset the load started at, when it resumed after batches known already.
        var resumedAt: UInt64?
    }

    let file: DataFile
    let header: SegmentHeader
    let indexInterval: Int

    /// What a load hashes, beyond the CRC and structure checks every batch gets.
    enum Hashing {
        /// Nothing: sealed segments at open, which open never re-hashes.
        case none
        /// Each batch, checked against the next batch's previous-hash field: the unsealed tail at open.
        case batches
        /// Each batch, and the whole segment for the footer's segment hash: verification.
        case batchesAndSegment
    }

    /// Where a load picks up: a segment's state after some of its batches, and the hash of the last of them.
    struct Resumption {
        /// The state after the batches already known.
        var state: SegmentState
        /// The hash of the last batch already known.
        var lastBatchHash: ChainHash
    }

    /// Loads batches from the end of the header, or from where `resuming` left off, to `end`, stopping at the first
    /// damage.
    ///
    /// - Parameters:
    ///   - end: The offset after the last batch byte (the footer's data end, or the file size).
    ///   - streams: The stream index to add the records to.
    ///   - hashing: What to hash; ``Hashing/batchesAndSegment`` only from the segment's start.
    ///   - resuming: The state after the batches known already (from a checkpoint), or `nil` to load them all.
    ///   - eachBatch: When hashing, called after each good batch with its last position and its chain hash.
    /// - Returns: The segment's state and the first damage found.
    /// - Throws: ``LogError/Code/ioFailure`` when the file can not be read.
    func load(
        end: UInt64,
        streams: inout StreamIndex,
        hashing: Hashing,
        resuming: Resumption? = nil,
        eachBatch: (_ lastPosition: UInt64, _ hash: ChainHash) -> Void = { _, _ in }
    ) throws -> Loaded {
        var state =
            resuming?.state
            ?? SegmentState(
                base: header.basePosition,
                file: file,
                dataEnd: UInt64(SegmentHeader.size),
                endPosition: header.basePosition,
                batchCount: 0,
                index: SparseIndex(interval: indexInterval)
            )
        var loaded = Loaded(
            state: state,
            lastBatchHash: resuming?.lastBatchHash ?? header.previousBatchHash,
            lastRecordedAt: resuming?.state.lastTimestamp,
            resumedAt: resuming?.state.dataEnd
        )
        if hashing == .batchesAndSegment {
            var hasher = SHA256()
            hasher.update(data: header.bytes)
            loaded.hasher = hasher
        }
        var cursor = BatchCursor(file: file, start: state.dataEnd, end: end, checksums: true)
        var scratch: [UInt8] = []
        var added: [Int] = []
        while true {
            switch try cursor.next() {
            case .end:
                loaded.state = state
                return loaded
            case .damaged(let offset, let reason, let incomplete):
                loaded.state = state
                loaded.damage = Damage(
                    offset: offset,
                    position: state.endPosition,
                    reason: reason,
                    incomplete: incomplete
                )
                return loaded
            case .batch(let batchHeader, let offset):
                if let reason = try check(
                    batchHeader,
                    cursor: cursor,
                    state: state,
                    loaded: &loaded,
                    hashing: hashing,
                    streams: &streams,
                    scratch: &scratch,
                    added: &added
                ) {
                    loaded.state = state
                    loaded.damage = Damage(offset: offset, position: state.endPosition, reason: reason)
                    return loaded
                }
                state.note(batchHeader, at: offset)
                loaded.lastRecordedAt = batchHeader.lastTimestamp
                if hashing != .none {
                    eachBatch(state.endPosition - 1, loaded.lastBatchHash)
                }
            }
        }
    }

    /// Checks one batch against what came before it and adds its records to `streams`; returns why it is bad,
    /// or `nil`. A bad batch leaves `streams` as it was.
    ///
    /// `added` is scratch space for the slots of the batch's records, kept by the caller to reuse its storage.
    private func check(
        _ batchHeader: BatchHeader,
        cursor: BatchCursor,
        state: SegmentState,
        loaded: inout Loaded,
        hashing: Hashing,
        streams: inout StreamIndex,
        scratch: inout [UInt8],
        added: inout [Int]
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
        if hashing != .none, batchHeader.previousHash != loaded.lastBatchHash {
            return "batch's previous-batch hash does not match the batch before it"
        }
        added.removeAll(keepingCapacity: true)
        var problem: String?
        do {
            try cursor.withCurrentBatch { bytes in
                let stored = UnsafeRawBufferPointer(rebasing: bytes[BatchHeader.size...])
                try BatchDecoder.withBlock(batchHeader, stored: stored, scratch: &scratch) { block in
                    _ = try BatchDecoder.forEachRecord(in: block, header: batchHeader) { view in
                        guard
                            let slot = streams.add(
                                streamIdBytes: view.streamIdBytes,
                                version: view.streamVersion,
                                position: view.position
                            )
                        else {
                            let expected = streams.version(of: view.streamId) + 1
                            problem =
                                "record \(view.position) of stream \(view.streamId) has version "
                                + "\(view.streamVersion), expected \(expected)"
                            return false
                        }
                        added.append(slot)
                        return true
                    }
                }
            }
        } catch let error as LogError where error.code == .corruptData {
            problem = error.message
        }
        if let problem {
            for slot in added.reversed() {
                streams.removeLast(slot: slot)
            }
            return problem
        }
        if hashing != .none {
            cursor.withCurrentBatch { bytes in
                loaded.lastBatchHash = BatchDecoder.hash(of: bytes)
                loaded.hasher?.update(bufferPointer: bytes)
            }
        }
        return nil
    }
}
