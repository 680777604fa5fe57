import RapportTime

/// The fixed 168-byte footer that seals a segment (see docs/LOG-FORMAT.md, "Sealed segments").
struct SegmentFooter: Hashable, Sendable {
    /// `RPSF` in ASCII, at the footer's start and again in its last four bytes.
    static let magic: UInt32 = 0x4653_5052
    /// The footer format this code writes and reads.
    static let formatVersion: UInt16 = 1
    /// The footer's size in bytes.
    static let size = 168

    var batchCount: UInt64
    var recordCount: UInt64
    var firstPosition: UInt64
    var lastPosition: UInt64
    var firstTimestamp: Timestamp
    var lastTimestamp: Timestamp
    /// The byte offset where the footer starts: the end of the last batch.
    var dataEnd: UInt64
    /// SHA-256 of every byte before the footer: the segment header and all batches.
    var segmentHash: ChainHash
    var previousSegmentHash: ChainHash
    var lastBatchHash: ChainHash

    /// The footer's bytes, CRC and closing magic included.
    var bytes: [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.size)
        buffer.appendLittleEndian(Self.magic)
        buffer.appendLittleEndian(Self.formatVersion)
        buffer.appendLittleEndian(UInt16(0))
        buffer.appendLittleEndian(batchCount)
        buffer.appendLittleEndian(recordCount)
        buffer.appendLittleEndian(firstPosition)
        buffer.appendLittleEndian(lastPosition)
        buffer.appendLittleEndian(firstTimestamp.microsecondsSinceEpoch)
        buffer.appendLittleEndian(lastTimestamp.microsecondsSinceEpoch)
        buffer.appendLittleEndian(dataEnd)
        segmentHash.write(to: &buffer)
        previousSegmentHash.write(to: &buffer)
        lastBatchHash.write(to: &buffer)
        buffer.appendLittleEndian(CRC32C.checksum(buffer))
        buffer.appendLittleEndian(Self.magic)
        return buffer
    }

    /// Reads a footer from the last ``size`` bytes of a file, checking both magics, the version and the CRC.
    ///
    /// - Parameters:
    ///   - bytes: The last ``size`` bytes of the file.
    ///   - fileSize: The file's size, which must equal the footer's data end plus ``size``.
    /// - Returns: The footer, or `nil` when the file is not sealed (or its footer is damaged).
    static func parse(_ bytes: UnsafeRawBufferPointer, fileSize: UInt64) -> SegmentFooter? {
        guard bytes.count == size,
            bytes.littleEndian(at: 0, as: UInt32.self) == magic,
            bytes.littleEndian(at: size - 4, as: UInt32.self) == magic,
            bytes.littleEndian(at: 4, as: UInt16.self) == formatVersion,
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(size - 8)]))
                == bytes.littleEndian(at: size - 8, as: UInt32.self)
        else { return nil }
        let footer = SegmentFooter(
            batchCount: bytes.littleEndian(at: 8),
            recordCount: bytes.littleEndian(at: 16),
            firstPosition: bytes.littleEndian(at: 24),
            lastPosition: bytes.littleEndian(at: 32),
            firstTimestamp: Timestamp(microsecondsSinceEpoch: bytes.littleEndian(at: 40)),
            lastTimestamp: Timestamp(microsecondsSinceEpoch: bytes.littleEndian(at: 48)),
            dataEnd: bytes.littleEndian(at: 56),
            segmentHash: bytes.hash(at: 64),
            previousSegmentHash: bytes.hash(at: 96),
            lastBatchHash: bytes.hash(at: 128)
        )
        guard footer.dataEnd + UInt64(size) == fileSize else { return nil }
        return footer
    }
}
