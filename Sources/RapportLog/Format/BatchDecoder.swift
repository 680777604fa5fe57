import Crypto

/// Checks and opens record batches read from a segment.
enum BatchDecoder {
    /// Whether the batch's CRC matches its bytes.
    ///
    /// - Parameters:
    ///   - header: The parsed header.
    ///   - batch: The whole batch: header and stored block.
    /// - Returns: `true` when the CRC-32C of everything after the CRC field equals the header's.
    static func checksumMatches(_ header: BatchHeader, batch: UnsafeRawBufferPointer) -> Bool {
        CRC32C.checksum(UnsafeRawBufferPointer(rebasing: batch[(BatchHeader.crcOffset + 4)..<header.totalSize]))
            == header.crc
    }

    /// The batch's hash in the chain.
    ///
    /// - Parameter batch: The whole batch.
    /// - Returns: The SHA-256 of the batch's bytes.
    static func hash(of batch: UnsafeRawBufferPointer) -> ChainHash {
        ChainHash(SHA256.hash(data: batch))
    }

    /// Yields the batch's uncompressed block.
    ///
    /// - Parameters:
    ///   - header: The parsed header.
    ///   - stored: The stored block (after the header).
    ///   - scratch: A reusable buffer for decompression.
    ///   - body: Receives the uncompressed block.
    /// - Returns: What `body` returns.
    /// - Throws: ``LogError/Code/corruptData`` when the block does not decompress to its declared size.
    static func withBlock<Result>(
        _ header: BatchHeader,
        stored: UnsafeRawBufferPointer,
        scratch: inout [UInt8],
        _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        switch header.compression {
        case .none:
            return try body(stored)
        case .lz4:
            let size = try copyBlock(header, stored: stored, into: &scratch)
            return try scratch.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<size])) }
        }
    }

    /// Puts the batch's uncompressed block at the start of a buffer, growing it when it is too small.
    ///
    /// - Parameters:
    ///   - header: The parsed header.
    ///   - stored: The stored block (after the header).
    ///   - buffer: Receives the block.
    /// - Returns: The block's size.
    /// - Throws: ``LogError/Code/corruptData`` when the block does not decompress to its declared size.
    static func copyBlock(_ header: BatchHeader, stored: UnsafeRawBufferPointer, into buffer: inout [UInt8]) throws
        -> Int
    {
        let size = header.compression == .none ? stored.count : Int(header.uncompressedSize)
        if buffer.count < size {
            buffer = [UInt8](repeating: 0, count: size)
        }
        let ok = buffer.withUnsafeMutableBytes { destination in
            let target = UnsafeMutableRawBufferPointer(rebasing: destination[..<size])
            switch header.compression {
            case .none:
                target.copyMemory(from: stored)
                return true
            case .lz4:
                return LZ4Block.decompress(stored, into: target)
            }
        }
        guard ok else {
            throw LogError(.corruptData, "batch at position \(header.basePosition) does not decompress")
        }
        return size
    }

    /// Calls `body` for each record of an uncompressed block, checking every length against the block.
    ///
    /// - Parameters:
    ///   - block: The uncompressed block.
    ///   - header: The batch's header (base position and record count).
    ///   - body: Receives each record; returns `false` to stop.
    /// - Returns: `false` when `body` stopped early.
    /// - Throws: ``LogError/Code/corruptData`` when the block's structure is inconsistent, or what `body` throws.
    @inline(__always)
    static func forEachRecord(
        in block: UnsafeRawBufferPointer,
        header: BatchHeader,
        _ body: (RecordView) throws -> Bool
    ) throws -> Bool {
        var offset = 0
        let count = Int(header.recordCount)
        for index in 0..<count {
            guard let view = RecordView(block: block, offset: offset, position: header.basePosition + UInt64(index))
            else {
                throw LogError(
                    .corruptData,
                    "record \(header.basePosition + UInt64(index)) overruns its batch's block"
                )
            }
            offset += view.encodedSize
            guard try body(view) else { return false }
        }
        guard offset == block.count else {
            throw LogError(.corruptData, "batch at position \(header.basePosition) has bytes after its last record")
        }
        return true
    }
}
