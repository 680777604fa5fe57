public import RapportTime
import Synchronization

extension EventLog {
    /// Reads forward from a position, calling `body` with each record decoded in place. The fast path for
    /// replays: no allocation per record.
    ///
    /// Reads what was durable when the scan started; records appended meanwhile are not included.
    ///
    /// - Parameters:
    ///   - position: The first position to read (0 for the whole log).
    ///   - limit: The most records to read.
    ///   - readingAhead: Whether another thread reads, checks and decompresses the next few batches while `body`
    ///     goes through the current one; worth it for long scans on a machine with a spare core.
    ///   - body: Receives each record; returns `false` to stop. The view is valid only during the call.
    /// - Returns: The number of records passed to `body`.
    /// - Throws: ``LogError`` with code `corrupt_data` or `io_failure`, or what `body` throws.
    @discardableResult
    public func scan(
        from position: UInt64 = 0,
        limit: UInt64 = .max,
        readingAhead: Bool = false,
        _ body: (RecordView) throws -> Bool
    ) throws -> UInt64 {
        let spans = core.state.withLock { $0.spans(from: position) }
        var delivered: UInt64 = 0
        guard !readingAhead else {
            let ahead = BatchReadAhead(spans: spans, from: position)
            defer { ahead.stop() }
            while delivered < limit, let block = try ahead.next() {
                let keepGoing = try block.records(from: position) { records in
                    try Self.deliver(records, limit: limit, delivered: &delivered, body)
                }
                ahead.recycle(block.buffer)
                guard keepGoing else { break }
            }
            return delivered
        }
        var scratch: [UInt8] = []
        for span in spans {
            var cursor = BatchCursor(file: span.file, start: span.startOffset, end: span.dataEnd, checksums: true)
            while delivered < limit, let (header, offset) = try cursor.nextBatch(endingAfter: position) {
                let keepGoing = try cursor.withCurrentBatch { bytes in
                    let stored = UnsafeRawBufferPointer(rebasing: bytes[BatchHeader.size...])
                    return try BatchDecoder.withBlock(header, stored: stored, scratch: &scratch) { block in
                        let records = BatchRecords(
                            block: block,
                            header: header,
                            place: (span.file.path, offset),
                            from: position
                        )
                        return try Self.deliver(records, limit: limit, delivered: &delivered, body)
                    }
                }
                guard keepGoing else { return delivered }
            }
            if delivered >= limit { break }
        }
        return delivered
    }

    /// Passes a batch's records to `body`, counting them, until `limit` records are passed.
    ///
    /// - Returns: `false` when `body` or the limit stopped the scan.
    private static func deliver(
        _ records: BatchRecords,
        limit: UInt64,
        delivered: inout UInt64,
        _ body: (RecordView) throws -> Bool
    ) throws -> Bool {
        try records.forEach { view in
            guard delivered < limit else { return false }
            delivered += 1
            return try body(view)
        }
    }

    /// Reads forward from a position while other threads read, check and decompress the batches ahead and make
    /// a value of each batch's records with `prepare`; `body` gets each batch's records and value in log order on
    /// the calling thread.
    ///
    /// For long scans that do more than glance at each record: `prepare` does what can be done on its own
    /// (decoding events, or picking the records worth decoding) beside `body` (two batches at once on a machine
    /// with two cores), and `body` is left with what must be done in order. Reads what was durable when the scan
    /// started.
    ///
    /// - Parameters:
    ///   - position: The first position to read (0 for the whole log).
    ///   - prepare: Makes a value of a batch's records from `position` on; called on reading threads, for
    ///     batches up to a few ahead of the one `body` has, and possibly for a few past the one where `body`
    ///     stopped.
    ///   - body: Receives each batch's records (valid only during the call) and value, in log order; returns
    ///     `false` to stop.
    /// - Throws: ``LogError`` with code `corrupt_data` or `io_failure`, or what `prepare` or `body` throws, after
    ///   `body` received the batches before.
    public func scan<Prepared: Sendable>(
        from position: UInt64 = 0,
        preparing prepare: @escaping @Sendable (BatchRecords) throws -> Prepared,
        _ body: (BatchRecords, Prepared) throws -> Bool
    ) throws {
        let spans = core.state.withLock { $0.spans(from: position) }
        let ahead = BatchReadAhead(spans: spans, from: position, preparing: prepare)
        defer { ahead.stop() }
        while let (block, prepared) = try ahead.next() {
            let keepGoing = try block.records(from: position) { try body($0, prepared) }
            ahead.recycle(block.buffer)
            guard keepGoing else { return }
        }
    }

    /// Reads up to `limit` records from a position into copies.
    ///
    /// - Parameters:
    ///   - position: The first position.
    ///   - limit: The most records to return.
    /// - Returns: The records, in log order.
    /// - Throws: ``LogError`` with code `corrupt_data` or `io_failure`.
    public func read(from position: UInt64, limit: Int) throws -> [LogRecord] {
        var records: [LogRecord] = []
        try scan(from: position, limit: UInt64(limit)) { view in
            records.append(view.record)
            return true
        }
        return records
    }

    /// Reads one record.
    ///
    /// - Parameter position: Its position.
    /// - Returns: The record.
    /// - Throws: ``LogError`` with code `position_out_of_range` past the end, or `corrupt_data`, `io_failure`.
    public func record(at position: UInt64) throws -> LogRecord {
        guard let record = try read(from: position, limit: 1).first else {
            throw LogError(
                .positionOutOfRange,
                "position \(position) is at or past the end of the log (\(endPosition))"
            )
        }
        return record
    }

    /// Reads a stream's records, in version order.
    ///
    /// - Parameters:
    ///   - streamId: The stream.
    ///   - fromVersion: The first version to return (1 for the whole stream).
    ///   - limit: The most records to return.
    /// - Returns: The records.
    /// - Throws: ``LogError`` with code `stream_not_found` when no record was ever appended to it,
    ///   `streams_not_indexed` when the log was opened with ``StreamIndexing/notIndexed``, or `corrupt_data`,
    ///   `io_failure`.
    public func readStream(_ streamId: String, fromVersion: UInt64 = 1, limit: Int = .max) throws -> [LogRecord] {
        let (indexing, positions) = core.state.withLock { state -> (StreamIndexing, [UInt64]?) in
            (state.streams.indexing, state.streams.contains(streamId) ? state.streams.positions(of: streamId) : nil)
        }
        guard indexing == .indexed else {
            throw LogError(
                .streamsNotIndexed,
                "stream \(streamId) can not be read: the log was opened to read by position only"
            )
        }
        guard let positions else {
            throw LogError(.streamNotFound, "stream \(streamId) does not exist")
        }
        let first = Int(min(max(fromVersion, 1) - 1, UInt64(positions.count)))
        let wanted = positions[first...].prefix(limit)
        var records: [LogRecord] = []
        records.reserveCapacity(wanted.count)
        var remaining = wanted.makeIterator()
        var next = remaining.next()
        while let target = next {
            let delivered = try scan(from: target) { view in
                guard let current = next else { return false }
                if view.position == current {
                    records.append(view.record)
                    next = remaining.next()
                }
                guard let upcoming = next else { return false }
                return upcoming - view.position < 4096
            }
            guard delivered > 0 else {
                throw LogError(.corruptData, "stream \(streamId) lists position \(target), which can not be read")
            }
        }
        return records
    }

    /// The first position whose record time is at or after `time`.
    ///
    /// - Parameter time: The time sought.
    /// - Returns: The position, or ``endPosition`` when every record is older.
    /// - Throws: ``LogError`` with code `corrupt_data` or `io_failure`.
    public func firstPosition(atOrAfter time: Timestamp) throws -> UInt64 {
        let start = core.state.withLock { state -> UInt64? in
            guard
                let segment = state.segments.first(where: {
                    ($0.lastTimestamp ?? .init(microsecondsSinceEpoch: .min)) >= time
                })
            else { return nil }
            return segment.index.entry(before: time)?.position ?? segment.base
        }
        guard let start else { return endPosition }
        var found: UInt64?
        try scan(from: start) { view in
            if view.recordedAt >= time {
                found = view.position
                return false
            }
            return true
        }
        return found ?? endPosition
    }
}
