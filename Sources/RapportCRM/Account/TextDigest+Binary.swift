extension TextDigest: BinaryField {
    /// Writes the fingerprint as eight bytes, low byte first: a hash's bits are spread evenly, so a varint would
    /// take ten bytes for most of them.
    ///
    /// - Parameter writer: The writer.
    @inline(__always)
    public func write(to writer: inout ByteWriter) {
        var rest = value
        for _ in 0..<8 {
            writer.writeByte(UInt8(truncatingIfNeeded: rest))
            rest >>= 8
        }
    }

    /// Reads a fingerprint written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The digest.
    /// - Throws: ``BinaryFormatError`` when fewer than eight bytes are left.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> TextDigest {
        guard reader.remainingCount >= 8 else {
            throw BinaryFormatError("text digest at \(reader.offset) needs 8 bytes, \(reader.remainingCount) left")
        }
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) {
            value |= UInt64(try reader.readByte()) << UInt64(shift)
        }
        return TextDigest(value: value)
    }

    /// A digest with a fingerprint read back from a snapshot.
    ///
    /// - Parameter value: The fingerprint.
    private init(value: UInt64) {
        self.value = value
    }
}
