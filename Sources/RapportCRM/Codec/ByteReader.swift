/// Reads the compact binary form written by ``ByteWriter`` from bytes it does not own.
///
/// Every read checks its bounds and throws ``BinaryFormatError`` on bytes that end early or do not fit, so
/// damaged input is an error, never a crash.
public struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    public private(set) var offset: Int
    /// Whether short strings come from, and are kept in, the reading thread's table of recent strings.
    private let sharesStrings: Bool

    /// Creates a reader over bytes that stay valid while it is used.
    ///
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - sharesStrings: Whether a short string read is taken from the reading thread's table of the strings it read
    ///     last, and kept there, so that values recurring from event to event are made once. Pass `false` for values
    ///     that must not outlive their use, such as a person's decrypted name.
    public init(_ bytes: UnsafeRawBufferPointer, sharesStrings: Bool = true) {
        self.bytes = bytes
        self.offset = 0
        self.sharesStrings = sharesStrings
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The number of bytes not read yet.
    public var remainingCount: Int { bytes.count - offset }

    /// Reads an unsigned LEB128 integer in its shortest form, the only one ``ByteWriter`` writes.
    ///
    /// - Returns: The integer.
    /// - Throws: ``BinaryFormatError`` when the bytes end early, the integer is longer than 64 bits, or it ends in
    ///   a redundant zero byte (so every integer has exactly one encoding).
    @inline(__always)
    public mutating func readVarint() throws(BinaryFormatError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            guard shift < 63 || (shift == 63 && byte <= 1) else {
                throw BinaryFormatError("integer longer than 64 bits ending at byte \(offset - 1)")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 {
                guard byte != 0 || shift == 0 else {
                    throw BinaryFormatError("integer at byte \(offset - 1) ends in a redundant zero byte")
                }
                return result
            }
            shift += 7
        }
        throw BinaryFormatError("integer cut short at byte \(offset)")
    }

    /// Reads a zigzag-encoded signed integer.
    ///
    /// - Returns: The integer.
    /// - Throws: ``BinaryFormatError`` when the bytes end early.
    @inline(__always)
    public mutating func readSigned() throws(BinaryFormatError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads one byte.
    ///
    /// - Returns: The byte.
    /// - Throws: ``BinaryFormatError`` when no byte is left.
    @inline(__always)
    public mutating func readByte() throws(BinaryFormatError) -> UInt8 {
        guard offset < bytes.count else { throw BinaryFormatError("byte expected at \(offset), input ended") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads a string written as a length and UTF-8 bytes; invalid UTF-8 is repaired, not trusted.
    ///
    /// - Returns: The string.
    /// - Throws: ``BinaryFormatError`` when the bytes end before the string does.
    @inline(__always)
    public mutating func readString() throws(BinaryFormatError) -> String {
        let text = try readStringBytes()
        return sharesStrings ? RecentStrings.string(decoding: text) : String(decoding: text, as: UTF8.self)
    }

    /// Reads a string written as a length and UTF-8 bytes, without making the string.
    ///
    /// - Returns: The string's bytes, valid as long as the bytes the reader reads.
    /// - Throws: ``BinaryFormatError`` when the bytes end before the string does.
    @inline(__always)
    public mutating func readStringBytes() throws(BinaryFormatError) -> UnsafeRawBufferPointer {
        let length = try readVarint()
        guard length <= UInt64(bytes.count - offset) else {
            throw BinaryFormatError("string of \(length) bytes at \(offset) runs past the end")
        }
        let end = offset + Int(length)
        defer { offset = end }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<end])
    }

    /// Reads a value of any binary field type.
    ///
    /// - Returns: The value.
    /// - Throws: ``BinaryFormatError`` when the bytes do not hold one.
    @inline(__always)
    public mutating func read<Field: BinaryField>(_ type: Field.Type = Field.self) throws(BinaryFormatError) -> Field {
        try Field.read(from: &self)
    }
}

extension ByteReader {
    /// Reads a section written by ``ByteWriter/writeBytes(_:)`` with a reader of its own.
    ///
    /// - Parameter body: Reads the section; it gets a reader over the section's bytes only.
    /// - Returns: What `body` returns.
    /// - Throws: ``BinaryFormatError`` when the section runs past the end, or what `body` throws.
    public mutating func withBytes<Result>(
        _ body: (inout ByteReader) throws(BinaryFormatError) -> Result
    ) throws(BinaryFormatError) -> Result {
        let length = try readVarint()
        guard length <= UInt64(remainingCount) else {
            throw BinaryFormatError("section of \(length) bytes at \(offset) runs past the end")
        }
        return try withNext(Int(length), body)
    }
}

extension ByteReader {
    /// Reads the next `count` bytes with a reader of their own.
    ///
    /// - Parameters:
    ///   - count: The number of bytes, at most ``remainingCount``.
    ///   - body: Reads the bytes; it gets a reader over them only.
    /// - Returns: What `body` returns.
    /// - Throws: ``BinaryFormatError`` when fewer bytes are left, or what `body` throws.
    public mutating func withNext<Result>(
        _ count: Int,
        _ body: (inout ByteReader) throws(BinaryFormatError) -> Result
    ) throws(BinaryFormatError) -> Result {
        guard count >= 0, count <= remainingCount else {
            throw BinaryFormatError("\(count) bytes at \(offset) run past the end")
        }
        let end = offset + count
        var section = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), sharesStrings: sharesStrings)
        offset = end
        return try body(&section)
    }

    /// Lets `body` see the bytes not read yet, without reading them.
    ///
    /// - Parameter body: Receives the bytes.
    /// - Returns: What `body` returns.
    public func withRemainingBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        body(UnsafeRawBufferPointer(rebasing: bytes[offset...]))
    }
}
