import RapportTime

/// The on-disk form of a segment's two index files (see docs/LOG-FORMAT.md, "Index files").
extension SparseIndex {
    /// `RPIX` in ASCII.
    static let magic: UInt32 = 0x5849_5052
    static let fileVersion: UInt16 = 1
    static let headerSize = 16

    enum Kind: UInt16 {
        case position = 1
        case time = 2
    }

    /// The bytes of the position index (`kind` 1) or the time index (`kind` 2).
    func fileBytes(_ kind: Kind) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.headerSize + entries.count * 16 + 4)
        bytes.appendLittleEndian(Self.magic)
        bytes.appendLittleEndian(Self.fileVersion)
        bytes.appendLittleEndian(kind.rawValue)
        bytes.appendLittleEndian(UInt64(entries.count))
        for entry in entries {
            switch kind {
            case .position:
                bytes.appendLittleEndian(entry.position)
                bytes.appendLittleEndian(entry.offset)
            case .time:
                bytes.appendLittleEndian(entry.timestamp.microsecondsSinceEpoch)
                bytes.appendLittleEndian(entry.position)
            }
        }
        bytes.appendLittleEndian(CRC32C.checksum(bytes))
        return bytes
    }

    /// Reads an index from its two files' bytes.
    ///
    /// - Parameters:
    ///   - positionFile: The bytes of `<base>.index`.
    ///   - timeFile: The bytes of `<base>.timeindex`.
    ///   - interval: The interval the index keeps using.
    /// - Returns: The index, or `nil` when either file is damaged or the two disagree.
    static func parse(positionFile: [UInt8], timeFile: [UInt8], interval: Int) -> SparseIndex? {
        guard let positions = entries(of: positionFile, kind: .position),
            let times = entries(of: timeFile, kind: .time),
            positions.count == times.count
        else { return nil }
        var index = SparseIndex(interval: interval)
        for (pair, timePair) in zip(positions, times) {
            guard timePair.1 == pair.0 else { return nil }
            let timestamp = Timestamp(microsecondsSinceEpoch: Int64(bitPattern: timePair.0))
            index.append(Entry(position: pair.0, offset: pair.1, timestamp: timestamp))
        }
        return index
    }

    private static func entries(of file: [UInt8], kind: Kind) -> [(UInt64, UInt64)]? {
        file.withUnsafeBytes { bytes -> [(UInt64, UInt64)]? in
            guard bytes.count >= headerSize + 4,
                bytes.littleEndian(at: 0, as: UInt32.self) == magic,
                bytes.littleEndian(at: 4, as: UInt16.self) == fileVersion,
                bytes.littleEndian(at: 6, as: UInt16.self) == kind.rawValue
            else { return nil }
            let count = bytes.littleEndian(at: 8, as: UInt64.self)
            guard count <= UInt64(bytes.count), headerSize + Int(count) * 16 + 4 == bytes.count,
                CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 4)]))
                    == bytes.littleEndian(at: bytes.count - 4, as: UInt32.self)
            else { return nil }
            return (0..<Int(count)).map { item in
                let offset = headerSize + item * 16
                return (bytes.littleEndian(at: offset), bytes.littleEndian(at: offset + 8))
            }
        }
    }
}
