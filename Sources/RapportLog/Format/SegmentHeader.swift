/// The fixed 88-byte header at the start of every segment file (see docs/LOG-FORMAT.md, "Segment files").
struct SegmentHeader: Hashable, Sendable {
    /// `RPSG` in ASCII.
    static let magic: UInt32 = 0x4753_5052
    /// The segment format this code writes and reads.
    static let formatVersion: UInt16 = 1
    /// The header's size in bytes.
    static let size = 88

    /// The position of the segment's first record.
    var basePosition: UInt64
    /// The hash of the segment before this one (zero for the first segment).
    var previousSegmentHash: ChainHash
    /// The hash of the last batch before this segment (zero for the first segment).
    var previousBatchHash: ChainHash

    /// The header's bytes, CRC included.
    var bytes: [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.size)
        buffer.appendLittleEndian(Self.magic)
        buffer.appendLittleEndian(Self.formatVersion)
        buffer.appendLittleEndian(UInt16(0))
        buffer.appendLittleEndian(basePosition)
        previousSegmentHash.write(to: &buffer)
        previousBatchHash.write(to: &buffer)
        buffer.appendLittleEndian(UInt32(0))
        buffer.appendLittleEndian(CRC32C.checksum(buffer))
        return buffer
    }

    /// Reads a header, checking its magic, version and CRC.
    ///
    /// - Parameter bytes: At least ``size`` bytes from the start of the file.
    /// - Returns: The header, or `nil` when it is missing or damaged.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> SegmentHeader? {
        guard bytes.count >= size,
            bytes.littleEndian(at: 0, as: UInt32.self) == magic,
            bytes.littleEndian(at: 4, as: UInt16.self) == formatVersion,
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(size - 4)]))
                == bytes.littleEndian(at: size - 4, as: UInt32.self)
        else { return nil }
        return SegmentHeader(
            basePosition: bytes.littleEndian(at: 8),
            previousSegmentHash: bytes.hash(at: 16),
            previousBatchHash: bytes.hash(at: 48)
        )
    }
}
