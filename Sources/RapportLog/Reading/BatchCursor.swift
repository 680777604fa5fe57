/// Walks the record batches of one segment file, reading the file in large chunks.
///
/// The cursor checks each batch's header, that it fits before the end, and (when asked) its CRC. It stops at
/// the first batch that fails, saying why, which is what recovery, verification and readers each need.
struct BatchCursor {
    /// What the cursor found next.
    enum Step {
        /// A batch that passed the checks; its bytes are ``currentBatch``.
        case batch(BatchHeader, offset: UInt64)
        /// The region ended exactly after the last batch.
        case end
        /// The bytes at `offset` are not a whole, valid batch.
        case damaged(offset: UInt64, reason: String, incomplete: Bool)
    }

    /// The file being read.
    let file: DataFile
    /// Where the next batch starts.
    private(set) var offset: UInt64
    private let end: UInt64
    private let checksums: Bool
    private let readsInChunks: Bool
    private var buffer: [UInt8]
    private var bufferStart: UInt64 = 0
    private var bufferCount = 0
    private var currentRange: Range<Int> = 0..<0

    /// The chunk size of reads: large enough that a scan makes few system calls. A region shorter than a chunk (a
    /// reader following the log's end) gets a buffer of its own size, so that a short read costs little.
    private static let chunkSize = 1 << 20

    /// Creates a cursor over `[start, end)` of a file.
    ///
    /// - Parameters:
    ///   - file: The segment file.
    ///   - start: The offset of the first batch.
    ///   - end: The offset after the last byte to read.
    ///   - checksums: Whether to check each batch's CRC.
    ///   - readsInChunks: Whether to read the file in large chunks (the default) or only the bytes each step
    ///     needs, for a reader that passes over most batches' bodies.
    init(file: DataFile, start: UInt64, end: UInt64, checksums: Bool, readsInChunks: Bool = true) {
        self.file = file
        self.offset = start
        self.end = end
        self.checksums = checksums
        self.readsInChunks = readsInChunks
        self.buffer = []
    }

    /// Moves to the next batch that holds records at or after `position`, passing over the batches before it: a
    /// reader's step, for which damage is an error.
    ///
    /// - Parameters:
    ///   - position: The first position wanted.
    ///   - readingBody: Whether to read a batch's bytes past its header, as ``next(readingBody:)`` takes it; it is
    ///     asked of the batches passed over too.
    /// - Returns: The batch's header and offset, or `nil` at the end.
    /// - Throws: ``LogError/Code/corruptData`` naming the file and byte of a damaged batch, or
    ///   ``LogError/Code/ioFailure``.
    mutating func nextBatch(
        endingAfter position: UInt64,
        readingBody: (BatchHeader) -> Bool = { _ in true }
    ) throws -> (header: BatchHeader, offset: UInt64)? {
        while true {
            switch try next(readingBody: readingBody) {
            case .end:
                return nil
            case .damaged(let offset, let reason, _):
                throw LogError(.corruptData, "\(file.path) at byte \(offset): \(reason)")
            case .batch(let header, let offset):
                if header.endPosition > position { return (header, offset) }
            }
        }
    }

    /// Moves to the next batch.
    ///
    /// - Parameter readingBody: Whether to read the batch's bytes past its header (and check its CRC), given its
    ///   header; a batch whose body is not read passes only the header's checks, and ``withCurrentBatch(_:)`` sees
    ///   none of its bytes.
    /// - Returns: The batch, the end, or the first damage found.
    /// - Throws: ``LogError/Code/ioFailure`` when the file can not be read.
    mutating func next(readingBody: (BatchHeader) -> Bool = { _ in true }) throws -> Step {
        guard offset < end else { return .end }
        let remaining = end - offset
        guard remaining >= UInt64(BatchHeader.size) else {
            return .damaged(
                offset: offset,
                reason: "\(remaining) bytes after the last batch are too few for a header",
                incomplete: true
            )
        }
        try fill(count: BatchHeader.size)
        let start = Int(offset - bufferStart)
        let parsed = buffer.withUnsafeBytes {
            BatchHeader.parse(UnsafeRawBufferPointer(rebasing: $0[start..<(start + BatchHeader.size)]))
        }
        let header: BatchHeader
        switch parsed {
        case .failure(let problem):
            return .damaged(offset: offset, reason: problem.description, incomplete: false)
        case .success(let parsedHeader):
            header = parsedHeader
        }
        guard UInt64(header.totalSize) <= remaining else {
            return .damaged(
                offset: offset,
                reason: "batch of \(header.totalSize) bytes runs past the end of the data at \(end)",
                incomplete: true
            )
        }
        guard readingBody(header) else {
            currentRange = 0..<0
            let batchOffset = offset
            offset += UInt64(header.totalSize)
            return .batch(header, offset: batchOffset)
        }
        try fill(count: header.totalSize)
        let batchStart = Int(offset - bufferStart)
        currentRange = batchStart..<(batchStart + header.totalSize)
        if checksums {
            let range = currentRange
            let matches = buffer.withUnsafeBytes {
                BatchDecoder.checksumMatches(header, batch: UnsafeRawBufferPointer(rebasing: $0[range]))
            }
            guard matches else {
                return .damaged(offset: offset, reason: "batch CRC-32C does not match its bytes", incomplete: false)
            }
        }
        let batchOffset = offset
        offset += UInt64(header.totalSize)
        return .batch(header, offset: batchOffset)
    }

    /// Calls `body` with the bytes (header and stored block) of the batch last returned by ``next()``.
    func withCurrentBatch<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[currentRange])) }
    }

    /// Makes sure `count` bytes from ``offset`` are in the buffer.
    private mutating func fill(count: Int) throws {
        let start = Int(offset - bufferStart)
        if offset >= bufferStart, start + count <= bufferCount {
            return
        }
        let wanted = readsInChunks ? max(count, Int(min(UInt64(Self.chunkSize), end - offset))) : count
        if buffer.count < wanted {
            buffer = [UInt8](repeating: 0, count: wanted)
        }
        let toRead = Int(min(UInt64(wanted), end - offset))
        let read = try buffer.withUnsafeMutableBytes {
            try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<toRead]))
        }
        bufferStart = offset
        bufferCount = read
        guard read >= count else {
            throw LogError(.ioFailure, "\(file.path) ended at byte \(offset + UInt64(read)) while reading a batch")
        }
    }
}
