/// The state readers and the writer share, behind the log's mutex.
struct LogState {
    /// The segments, oldest first; the last one is the one being written.
    var segments: [SegmentState]
    /// Where each stream's records are.
    var streams: StreamIndex
    /// The stream index, to answer a question about the streams: a log opened with
    /// ``StreamIndexing/notIndexed`` has none to answer with, and must not be asked.
    var indexedStreams: StreamIndex {
        precondition(streams.indexing == .indexed, "the log was opened without its stream index")
        return streams
    }
    /// The position the next record will get; everything before it is durable and readable.
    var endPosition: UInt64
    /// The hash of the last batch: the head of the chain.
    var headHash: ChainHash
    /// Whether the log was closed.
    var isClosed = false
    /// Live readers waiting for records past the end, by waiter id.
    var waiters: [UInt64: Waiter] = [:]
    var nextWaiterId: UInt64 = 0

    /// A live reader waiting until the log holds a record at `position`.
    struct Waiter {
        let position: UInt64
        let continuation: CheckedContinuation<Void, Never>
    }

    /// One segment's readable range, copied out so that reading happens without the lock.
    struct Span {
        let file: DataFile
        let startOffset: UInt64
        let dataEnd: UInt64
        let endPosition: UInt64
    }

    /// The spans to read, in order, to go forward from `position`.
    func spans(from position: UInt64) -> [Span] {
        guard position < endPosition else { return [] }
        var first = segmentIndex(containing: position)
        var spans: [Span] = []
        while first < segments.count {
            let segment = segments[first]
            if segment.endPosition > segment.base {
                let start = position > segment.base ? segment.startOffset(for: position) : UInt64(SegmentHeader.size)
                spans.append(
                    Span(
                        file: segment.file,
                        startOffset: start,
                        dataEnd: segment.dataEnd,
                        endPosition: segment.endPosition
                    )
                )
            }
            first += 1
        }
        return spans
    }

    /// The index of the segment holding `position` (the last whose base is at or before it).
    func segmentIndex(containing position: UInt64) -> Int {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].base <= position {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return max(low - 1, 0)
    }

    /// Takes the live readers whose record is now durable (every one once the log is closed), for the caller to
    /// resume after releasing the lock; readers waiting further ahead stay asleep.
    ///
    /// - Returns: Their continuations.
    mutating func takeReadyWaiters() -> [CheckedContinuation<Void, Never>] {
        guard !waiters.isEmpty else { return [] }
        var ready: [CheckedContinuation<Void, Never>] = []
        ready.reserveCapacity(waiters.count)
        if isClosed {
            ready.append(contentsOf: waiters.values.lazy.map(\.continuation))
            waiters.removeAll()
            return ready
        }
        let end = endPosition
        waiters = waiters.filter { _, waiter in
            guard waiter.position < end else { return true }
            ready.append(waiter.continuation)
            return false
        }
        return ready
    }
}
