/// Binary forms for the values snapshots hold besides events' fields: counters, sets and dictionaries.
extension UInt64: BinaryField {
    /// Writes the integer as a varint.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeVarint(self) }
    /// Reads a varint.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> UInt64 {
        try reader.readVarint()
    }
}

extension UInt8: BinaryField {
    /// Writes the byte as it is.
    @inline(__always)
    public func write(to writer: inout ByteWriter) { writer.writeByte(self) }
    /// Reads one byte.
    @inline(__always)
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> UInt8 {
        try reader.readByte()
    }
}

extension Set: BinaryField where Element: BinaryField {
    /// Writes the count, then each element, in the set's own order.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { element.write(to: &writer) }
    }
    /// Reads the count, then each element; a count larger than the bytes left is refused before any allocation.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Set<Element> {
        let count = try reader.readCount()
        var elements = Set<Element>(minimumCapacity: count)
        for _ in 0..<count { elements.insert(try Element.read(from: &reader)) }
        return elements
    }
}

extension Dictionary: BinaryField where Key: BinaryField, Value: BinaryField {
    /// Writes the count, then each key and its value, in the dictionary's own order.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        writer.writeEntries(self)
    }
    /// Reads the count, then each key and value; a count larger than the bytes left is refused before any
    /// allocation.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> [Key: Value] {
        let count = try reader.readCount()
        var entries = [Key: Value](minimumCapacity: count)
        try reader.readEntries(count) { (key: consuming Key, value: consuming Value) in entries[key] = value }
        return entries
    }
}

extension ByteWriter {
    /// Writes entries of a dictionary's binary form, whatever holds them (after the count, which the caller
    /// writes): each key, then its value.
    ///
    /// - Parameter entries: The entries, in the order to write them.
    @inlinable
    mutating func writeEntries<Key: BinaryField, Value: BinaryField>(_ entries: [Key: Value]) {
        for (key, value) in entries {
            key.write(to: &self)
            value.write(to: &self)
        }
    }
}

extension ByteReader {
    /// Reads entries of a dictionary's binary form, whatever will hold them (after the count, which the caller
    /// reads): each key, then its value.
    ///
    /// - Parameters:
    ///   - count: How many entries to read.
    ///   - store: Keeps an entry read; it is handed over, not copied, so storing it retains none of its texts.
    /// - Throws: ``BinaryFormatError`` when a key or value cannot be read.
    @inlinable
    mutating func readEntries<Key: BinaryField, Value: BinaryField>(
        _ count: Int,
        _ store: (consuming Key, consuming Value) -> Void
    ) throws(BinaryFormatError) {
        for _ in 0..<count {
            let key = try Key.read(from: &self)
            store(key, try Value.read(from: &self))
        }
    }
}

extension ByteReader {
    /// Reads an element count, refusing one larger than the bytes left (every element takes at least a byte).
    ///
    /// - Returns: The count.
    /// - Throws: ``BinaryFormatError`` when the count cannot fit.
    public mutating func readCount() throws(BinaryFormatError) -> Int {
        let count = try readVarint()
        guard count <= UInt64(remainingCount) else {
            throw BinaryFormatError("\(count) elements cannot fit in the \(remainingCount) bytes left")
        }
        return Int(count)
    }
}
