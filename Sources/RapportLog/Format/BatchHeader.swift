import RapportTime

/// The fixed 80-byte header in front of every record batch (see docs/LOG-FORMAT.md, "Record batches").
struct BatchHeader: Hashable, Sendable {
    /// `RPLB` in ASCII.
    static let magic: UInt32 = 0x424C_5052
    /// The batch format this code writes and reads.
    static let formatVersion: UInt16 = 1
    /// The header's size in bytes.
    static let size = 80
    /// The offset of the CRC field; the CRC covers every byte after it, through the end of the stored block.
    static let crcOffset = 8
    /// The largest uncompressed block a batch may hold.
    static let maximumUncompressedSize = 64 << 20

    /// How the stored block is encoded.
    enum Compression: UInt16, Sendable {
        case none = 0
        case lz4 = 1
    }

    var compression: Compression
    var crc: UInt32
    var storedSize: UInt32
    var uncompressedSize: UInt32
    var recordCount: UInt32
    var basePosition: UInt64
    var firstTimestamp: Timestamp
    var lastTimestamp: Timestamp
    var previousHash: ChainHash

    /// The position just after the batch's last record.
    var endPosition: UInt64 { basePosition + UInt64(recordCount) }
    /// The header plus the stored block.
    var totalSize: Int { Self.size + Int(storedSize) }

    /// Appends the header's bytes (with the CRC field as it is) to a buffer.
    func write(to buffer: inout [UInt8]) {
        buffer.appendLittleEndian(Self.magic)
        buffer.appendLittleEndian(Self.formatVersion)
        buffer.appendLittleEndian(compression.rawValue)
        buffer.appendLittleEndian(crc)
        buffer.appendLittleEndian(storedSize)
        buffer.appendLittleEndian(uncompressedSize)
        buffer.appendLittleEndian(recordCount)
        buffer.appendLittleEndian(basePosition)
        buffer.appendLittleEndian(firstTimestamp.microsecondsSinceEpoch)
        buffer.appendLittleEndian(lastTimestamp.microsecondsSinceEpoch)
        previousHash.write(to: &buffer)
    }

    /// Why a header could not be read.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case truncated
        case badMagic
        case unsupportedVersion(UInt16)
        case unknownCompression(UInt16)
        case implausibleSizes

        var description: String {
            switch self {
            case .truncated: "batch header is cut short"
            case .badMagic: "batch magic is not RPLB"
            case .unsupportedVersion(let version): "batch format version \(version) is not supported"
            case .unknownCompression(let value): "batch compression \(value) is unknown"
            case .implausibleSizes: "batch sizes or record count are out of range"
            }
        }
    }

    /// Reads and sanity-checks a header (not its CRC, which needs the stored block).
    ///
    /// - Parameter bytes: At least ``size`` bytes starting at the header.
    /// - Returns: The header, or the first problem found.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Result<BatchHeader, Problem> {
        guard bytes.count >= size else { return .failure(.truncated) }
        guard bytes.littleEndian(at: 0, as: UInt32.self) == magic else { return .failure(.badMagic) }
        let version: UInt16 = bytes.littleEndian(at: 4)
        guard version == formatVersion else { return .failure(.unsupportedVersion(version)) }
        let rawCompression: UInt16 = bytes.littleEndian(at: 6)
        guard let compression = Compression(rawValue: rawCompression) else {
            return .failure(.unknownCompression(rawCompression))
        }
        let header = BatchHeader(
            compression: compression,
            crc: bytes.littleEndian(at: 8),
            storedSize: bytes.littleEndian(at: 12),
            uncompressedSize: bytes.littleEndian(at: 16),
            recordCount: bytes.littleEndian(at: 20),
            basePosition: bytes.littleEndian(at: 24),
            firstTimestamp: Timestamp(microsecondsSinceEpoch: bytes.littleEndian(at: 32)),
            lastTimestamp: Timestamp(microsecondsSinceEpoch: bytes.littleEndian(at: 40)),
            previousHash: bytes.hash(at: 48)
        )
        let minimumUncompressed = Int(header.recordCount) * RecordLayout.fixedSize
        guard header.recordCount > 0,
            Int(header.uncompressedSize) <= maximumUncompressedSize,
            Int(header.uncompressedSize) >= minimumUncompressed,
            Int(header.storedSize) <= LZ4Block.maximumCompressedSize(for: maximumUncompressedSize),
            compression == .lz4 || header.storedSize == header.uncompressedSize
        else { return .failure(.implausibleSizes) }
        return .success(header)
    }
}
