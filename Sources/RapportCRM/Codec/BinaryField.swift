public import RapportTime

/// A value with a compact binary form inside an event's payload.
public protocol BinaryField {
    /// Appends the value.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter)

    /// Reads a value.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The value.
    /// - Throws: ``BinaryFormatError`` when the bytes do not hold one.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Self
}

extension String: BinaryField {
    /// Writes the UTF-8 length and bytes.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeString(self) }
    /// Reads the UTF-8 length and bytes.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> String {
        try reader.readString()
    }
}

extension Int: BinaryField {
    /// Writes the integer zigzag-encoded.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeSigned(Int64(self)) }
    /// Reads a zigzag-encoded integer.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Int {
        Int(try reader.readSigned())
    }
}

extension Bool: BinaryField {
    /// Writes one byte, 0 or 1.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeByte(self ? 1 : 0) }
    /// Reads one byte, 0 or 1.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Bool {
        switch try reader.readByte() {
        case 0: false
        case 1: true
        case let byte: throw BinaryFormatError("boolean byte \(byte) at \(reader.offset - 1) is neither 0 nor 1")
        }
    }
}

extension RecordId: BinaryField {
    /// Writes the id's text.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeString(text) }
    /// Reads an id's text; the log's checksums vouch for it, so it is not checked again.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> RecordId {
        RecordId(unchecked: try reader.readString())
    }
}

extension Money: BinaryField {
    /// Writes the ten-thousandths zigzag-encoded.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeSigned(tenThousandths) }
    /// Reads zigzag-encoded ten-thousandths.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Money {
        Money(tenThousandths: try reader.readSigned())
    }
}

extension Timestamp: BinaryField {
    /// Writes the microseconds zigzag-encoded.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeSigned(microsecondsSinceEpoch) }
    /// Reads zigzag-encoded microseconds.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: try reader.readSigned())
    }
}

extension CalendarDate: BinaryField {
    /// Writes the day number zigzag-encoded.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeSigned(Int64(daysSinceEpoch)) }
    /// Reads a zigzag-encoded day number.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CalendarDate {
        let days = try reader.readSigned()
        guard let narrow = Int32(exactly: days) else { throw BinaryFormatError("day number \(days) out of range") }
        return CalendarDate(daysSinceEpoch: narrow)
    }
}

extension Optional: BinaryField where Wrapped: BinaryField {
    /// Writes a presence byte, then the value when there is one.
    @inline(__always)
    public func write(to writer: inout ByteWriter) {
        switch self {
        case .none: writer.writeByte(0)
        case .some(let value):
            writer.writeByte(1)
            value.write(to: &writer)
        }
    }
    /// Reads a presence byte, then the value when there is one.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Wrapped? {
        try Bool.read(from: &reader) ? try Wrapped.read(from: &reader) : nil
    }
}

extension Array: BinaryField where Element: BinaryField {
    /// Writes the count, then each element.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { element.write(to: &writer) }
    }
    /// Reads the count, then each element; a count larger than the bytes left is refused before any allocation,
    /// since every element takes at least one byte.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> [Element] {
        let count = try reader.readVarint()
        guard count <= UInt64(reader.remainingCount) else {
            throw BinaryFormatError("list of \(count) elements cannot fit in the \(reader.remainingCount) bytes left")
        }
        var elements: [Element] = []
        elements.reserveCapacity(Int(count))
        for _ in 0..<count { elements.append(try Element.read(from: &reader)) }
        return elements
    }
}

/// A closed set of names stored as their text, such as a case priority: adding a value later never changes how
/// older ones read.
public protocol BinaryNamedValue: BinaryField, RawRepresentable, CaseIterable where RawValue == String {}

extension BinaryNamedValue {
    /// Writes the name.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeString(rawValue) }
    /// Reads a name and looks it up, comparing its bytes with each value's name rather than making a string of it:
    /// decoding an event reads several names.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Self {
        let name = try reader.readStringBytes()
        guard let value = allCases.first(where: { $0.rawValue.hasUTF8(name) }) else {
            throw BinaryFormatError("\"\(String(decoding: name, as: UTF8.self))\" is not a \(Self.self)")
        }
        return value
    }
}

extension CasePriority: BinaryNamedValue {}
extension ForecastCategory: BinaryNamedValue {}
