import RapportTime

/// Writes a checkpoint's bytes: unsigned LEB128 varints, length-prefixed bytes and 32-byte hashes.
struct CheckpointWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Creates a writer.
    ///
    /// - Parameter capacity: The number of bytes to reserve.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes an unsigned integer in seven-bit groups, low group first.
    mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Writes a byte count, then the bytes.
    mutating func writeBytes(_ value: some Collection<UInt8>) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Writes a hash's 32 bytes.
    mutating func writeHash(_ hash: ChainHash) {
        bytes.append(contentsOf: hash.bytes)
    }

    /// Writes a time as its microseconds since the epoch, zigzag-encoded so that early times stay short.
    mutating func writeTimestamp(_ time: Timestamp) {
        let micros = time.microsecondsSinceEpoch
        writeVarint(UInt64(bitPattern: (micros << 1) ^ (micros >> 63)))
    }
}

/// Reads a checkpoint's bytes, checking every read against the end; a failed read names the field.
struct CheckpointReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    /// Creates a reader at the start of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The number of bytes not read yet.
    var remainingCount: Int { bytes.count - offset }

    /// Reads an unsigned LEB128 varint.
    ///
    /// - Parameter field: The field's name, for the error.
    /// - Throws: ``LogError/Code/corruptData`` when the bytes end or the value exceeds 64 bits.
    mutating func varint(_ field: @autoclosure () -> String) throws(LogError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            guard shift < 63 || byte <= 1 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw Self.damage("\(field()) is not a whole varint")
    }

    /// Reads a count of items each at least `minimumSize` bytes long, so that a damaged count can not ask for
    /// more items than the bytes left could hold.
    ///
    /// - Throws: ``LogError/Code/corruptData`` when the count is out of range.
    mutating func count(_ field: @autoclosure () -> String, minimumSize: Int = 1) throws(LogError) -> Int {
        let value = try varint(field())
        guard value <= UInt64(bytes.count - offset) / UInt64(max(minimumSize, 1)) else {
            throw Self.damage("\(field()) of \(value) is more than the \(bytes.count - offset) bytes left can hold")
        }
        return Int(value)
    }

    /// Reads a byte count, then that many bytes.
    ///
    /// - Throws: ``LogError/Code/corruptData`` when they run past the end.
    mutating func bytes(_ field: @autoclosure () -> String) throws(LogError) -> UnsafeRawBufferPointer {
        let length = try count(field())
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
    }

    /// Reads a 32-byte hash.
    ///
    /// - Throws: ``LogError/Code/corruptData`` when the bytes end first.
    mutating func hash(_ field: @autoclosure () -> String) throws(LogError) -> ChainHash {
        guard bytes.count - offset >= ChainHash.byteCount else {
            throw Self.damage("\(field()) is cut short")
        }
        defer { offset += ChainHash.byteCount }
        return bytes.hash(at: offset)
    }

    /// Reads a zigzag-encoded time.
    ///
    /// - Throws: ``LogError/Code/corruptData`` when the bytes end first.
    mutating func timestamp(_ field: @autoclosure () -> String) throws(LogError) -> Timestamp {
        let zigzag = try varint(field())
        let micros = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        return Timestamp(microsecondsSinceEpoch: micros)
    }

    /// The error for damaged checkpoint bytes.
    static func damage(_ message: String) -> LogError {
        LogError(.corruptData, "index checkpoint: \(message)")
    }
}
