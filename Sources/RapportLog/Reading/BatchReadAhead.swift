import Foundation

/// The batches of a forward scan read, checked and decompressed on threads of their own, a few batches ahead of
/// the thread that goes through their records.
///
/// Reading and decompressing is about half the work of a scan that looks at most records only briefly, such as a
/// report folding one read model over the whole log; with a second core, that half runs beside the other. With
/// one reader, decompressing alone was then the longest of the two, so there are two readers (one on a single
/// core) taking the batches in turn: reader `r` of `n` reads, checks and decompresses batches `r`, `r + n`,
/// `r + 2n`... and of the others reads only the header, and the scan takes the blocks from the readers in the same
/// turn. Every reader walks every batch's header, so damage to a header stops each of them at the same batch; a
/// batch whose CRC does not match is found by its own reader. Either way the scan gets the error after the
/// batches before it, as a scan that does not read ahead does.
///
/// The readers can also go through each block's records themselves (``init(spans:from:preparing:)``), handing the
/// scan each block with a value made from its records: then the readers do that work too, beside the scan.
///
/// Written here because no library at hand hands owned buffers between threads with a bound and an early stop.
final class BatchReadAhead<Output: Sendable>: @unchecked Sendable {
    private enum Item {
        case output(Output)
        case end
        case failure(any Error)
    }

    /// The most blocks each reader reads ahead and does not have taken yet.
    private static var depth: Int { 3 }

    /// The number of readers.
    private let readers: Int
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// The blocks each reader has ready, in order.
    private var items: [[Item]]
    /// The reader whose block the scan takes next.
    private var turn = 0
    private var spareBuffers: [[UInt8]] = []
    private var stopping = false
    private var running: Int
    /// What a reader makes of each block it read.
    private let output: @Sendable (ReadBlock) throws -> Output

    /// Starts reading the batches that hold records from `position` on, handing on what `output` makes of each.
    private init(
        spans: [LogState.Span],
        from position: UInt64,
        output: @escaping @Sendable (ReadBlock) throws -> Output
    ) {
        readers = ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1
        items = Array(repeating: [], count: readers)
        running = readers
        self.output = output
        for reader in 0..<readers {
            let thread = Thread { [self] in read(spans, from: position, as: reader) }
            thread.name = "rapport-read-ahead-\(reader)"
            thread.start()
        }
    }

    /// Starts reading the batches that hold records from `position` on, handing on each block with the value
    /// `prepare` makes of its records on the reading thread; give each block's buffer back with ``recycle(_:)``.
    ///
    /// - Parameters:
    ///   - spans: The parts of the segments to read, in order.
    ///   - position: The first position wanted; batches that end before it are passed over undecompressed.
    ///   - prepare: Makes a batch's value from its records from `position` on.
    convenience init<Prepared: Sendable>(
        spans: [LogState.Span],
        from position: UInt64,
        preparing prepare: @escaping @Sendable (BatchRecords) throws -> Prepared
    ) where Output == (ReadBlock, Prepared) {
        self.init(spans: spans, from: position) { block in
            let prepared = try block.records(from: position) { try prepare($0) }
            return (block, prepared)
        }
    }

    /// The next output, waiting for it when it is not made yet.
    ///
    /// - Returns: The output, or `nil` after the last one.
    /// - Throws: ``LogError`` with code `corrupt_data` or `io_failure`, as reading the batch threw it, or what
    ///   making the output threw.
    func next() throws -> Output? {
        condition.lock()
        while items[turn].isEmpty { condition.wait() }
        let item = items[turn].removeFirst()
        turn = (turn + 1) % readers
        condition.broadcast()
        condition.unlock()
        switch item {
        case .output(let output): return output
        case .end: return nil
        case .failure(let error): throw error
        }
    }

    /// Gives a block's buffer back to be read into again.
    func recycle(_ buffer: [UInt8]) {
        condition.lock()
        spareBuffers.append(buffer)
        condition.unlock()
    }

    /// Stops reading and waits until every reading thread is done with the files.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Reads the batches whose turn is `reader`'s, reading no more of the others than their header. The first
    /// reader also checks the batches before `position`, as a scan that does not read ahead does.
    private func read(_ spans: [LogState.Span], from position: UInt64, as reader: Int) {
        var number = 0
        do {
            for span in spans {
                var cursor = BatchCursor(
                    file: span.file,
                    start: span.startOffset,
                    end: span.dataEnd,
                    checksums: true,
                    readsInChunks: false
                )
                var owned = false
                while let (header, offset) = try cursor.nextBatch(
                    endingAfter: position,
                    readingBody: { header in
                        guard header.endPosition > position else { return reader == 0 }
                        owned = number % self.readers == reader
                        number += 1
                        return owned
                    }
                ) {
                    guard owned else { continue }
                    var buffer = takeSpareBuffer()
                    let size = try cursor.withCurrentBatch { bytes in
                        let stored = UnsafeRawBufferPointer(rebasing: bytes[BatchHeader.size...])
                        return try BatchDecoder.copyBlock(header, stored: stored, into: &buffer)
                    }
                    let block = ReadBlock(
                        header: header,
                        buffer: buffer,
                        size: size,
                        path: span.file.path,
                        offset: offset
                    )
                    let made = try output(block)
                    guard hand(.output(made), from: reader) else { return finish() }
                }
            }
            _ = hand(.end, from: reader)
        } catch {
            _ = hand(.failure(error), from: reader)
        }
        finish()
    }

    /// Queues a reader's item once there is room; `false` when the scan stopped meanwhile.
    private func hand(_ item: Item, from reader: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items[reader].count >= Self.depth && !stopping { condition.wait() }
        guard !stopping else { return false }
        items[reader].append(item)
        condition.broadcast()
        return true
    }

    private func takeSpareBuffer() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        return spareBuffers.popLast() ?? []
    }

    private func finish() {
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }
}

extension BatchReadAhead where Output == ReadBlock {
    /// Starts reading the batches that hold records from `position` on, handing on the blocks; give each block's
    /// buffer back with ``recycle(_:)`` once done with it.
    ///
    /// - Parameters:
    ///   - spans: The parts of the segments to read, in order.
    ///   - position: The first position wanted; batches that end before it are passed over undecompressed.
    convenience init(spans: [LogState.Span], from position: UInt64) {
        self.init(spans: spans, from: position) { $0 }
    }
}
