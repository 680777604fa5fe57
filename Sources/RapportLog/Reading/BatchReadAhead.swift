import Foundation

/// The batches of a forward scan read, checked and decompressed on a thread of its own, a few batches ahead of
/// the thread that goes through their records.
///
/// Reading and decompressing is about half the work of a scan that looks at most records only briefly, such as a
/// report folding one read model over the whole log; with a second core, that half runs beside the other.
/// Written here because no library at hand hands owned buffers between two threads with a bound and an early stop.
final class BatchReadAhead: @unchecked Sendable {
    /// One batch's records, uncompressed.
    struct Block {
        /// The batch's header.
        var header: BatchHeader
        /// The uncompressed block at the start of a buffer that may be longer.
        var buffer: [UInt8]
        /// The block's size.
        var size: Int
        /// The segment file, for messages.
        var path: String
        /// The batch's offset in the file, for messages.
        var offset: UInt64
    }

    private enum Item {
        case block(Block)
        case end
        case failure(any Error)
    }

    /// The most blocks read ahead and not yet taken.
    private static let depth = 4

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Item] = []
    private var spareBuffers: [[UInt8]] = []
    private var stopping = false
    private var finished = false

    /// Starts reading the batches that hold records from `position` on.
    ///
    /// - Parameters:
    ///   - spans: The parts of the segments to read, in order.
    ///   - position: The first position wanted; batches that end before it are passed over undecompressed.
    init(spans: [LogState.Span], from position: UInt64) {
        let thread = Thread { [self] in read(spans, from: position) }
        thread.name = "rapport-read-ahead"
        thread.start()
    }

    /// The next block, waiting for it when it is not read yet.
    ///
    /// - Returns: The block, or `nil` after the last one.
    /// - Throws: ``LogError`` with code `corrupt_data` or `io_failure`, as reading the batch threw it.
    func next() throws -> Block? {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        switch item {
        case .block(let block): return block
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

    /// Stops reading and waits until the reading thread is done with the files.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func read(_ spans: [LogState.Span], from position: UInt64) {
        do {
            for span in spans {
                var cursor = BatchCursor(file: span.file, start: span.startOffset, end: span.dataEnd, checksums: true)
                while let (header, offset) = try cursor.nextBatch(endingAfter: position) {
                    var buffer = takeSpareBuffer()
                    let size = try cursor.withCurrentBatch { bytes in
                        let stored = UnsafeRawBufferPointer(rebasing: bytes[BatchHeader.size...])
                        return try BatchDecoder.copyBlock(header, stored: stored, into: &buffer)
                    }
                    let block = Block(header: header, buffer: buffer, size: size, path: span.file.path, offset: offset)
                    guard hand(.block(block)) else { return finish() }
                }
            }
            _ = hand(.end)
        } catch {
            _ = hand(.failure(error))
        }
        finish()
    }

    /// Queues an item once there is room; `false` when the scan stopped meanwhile.
    private func hand(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= Self.depth && !stopping { condition.wait() }
        guard !stopping else { return false }
        items.append(item)
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
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
