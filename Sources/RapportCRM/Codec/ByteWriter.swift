/// Writes the compact binary form of events: LEB128 variable-length integers, zigzag for signed ones, strings
/// as a length and UTF-8 bytes.
///
/// Written here rather than taken from a serialisation library because the form must stay byte-stable across
/// releases and decode at millions of events per second without reflection (docs/EVENT-FORMAT.md).
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty writer.
    ///
    /// - Parameter capacity: Bytes to reserve.
    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends an unsigned integer in 1 to 10 bytes, 7 bits a byte, low bits first.
    ///
    /// - Parameter value: The integer.
    @inline(__always)
    public mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a signed integer zigzag-encoded, so small negative numbers stay short.
    ///
    /// - Parameter value: The integer.
    @inline(__always)
    public mutating func writeSigned(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends one byte.
    ///
    /// - Parameter byte: The byte.
    @inline(__always)
    public mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a string as its UTF-8 length and bytes.
    ///
    /// - Parameter text: The string.
    @inline(__always)
    public mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends a value in its binary form.
    ///
    /// One value a call, rather than a pack of them: a pack's values are written through their protocol
    /// witnesses, copying each, where a single generic value is specialized for its type.
    ///
    /// - Parameter value: The value.
    @inlinable
    @inline(__always)
    public mutating func write<Field: BinaryField>(_ value: Field) {
        value.write(to: &self)
    }
}

extension ByteWriter {
    /// Appends bytes as their length and the bytes, a section that can be read on its own.
    ///
    /// - Parameter section: The bytes.
    public mutating func writeBytes(_ section: [UInt8]) {
        writeVarint(UInt64(section.count))
        bytes.append(contentsOf: section)
    }

    /// Empties the writer, keeping its storage, so that one writer can build many sections in turn.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}
