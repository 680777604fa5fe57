import RapportCRM

/// A part of the account view stored in snapshots whose texts are numbers in the model's ``AccountTexts``: it
/// reads back only against the pool it was written with, which checks every number.
protocol AccountViewField: Sendable, Hashable {
    /// Appends the binary form.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter)

    /// Reads a value written by ``write(to:)``.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - texts: The pool its text numbers refer to.
    /// - Returns: The value.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or name a text the pool does not hold.
    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self
}

extension Array where Element: AccountViewField {
    /// Writes the count, then each element.
    ///
    /// - Parameter writer: The writer.
    func writeFields(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        for element in self { element.write(to: &writer) }
    }

    /// Reads a list written by ``writeFields(to:)``.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - texts: The pool the elements' text numbers refer to.
    /// - Returns: The list.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged.
    static func readFields(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> [Element] {
        let count = try reader.readCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try Element.read(from: &reader, texts: texts)) }
        return elements
    }
}

extension Dictionary where Key == RecordId, Value: AccountViewField {
    /// Writes the count, then each id and its value, in the dictionary's own order.
    ///
    /// - Parameter writer: The writer.
    func writeFields(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        for (id, value) in self {
            id.write(to: &writer)
            value.write(to: &writer)
        }
    }

    /// Reads records written by ``writeFields(to:)``.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - texts: The pool the values' text numbers refer to.
    /// - Returns: The records by id.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or an id appears twice.
    static func readFields(
        from reader: inout ByteReader,
        texts: AccountTexts
    ) throws(BinaryFormatError) -> [RecordId: Value] {
        let count = try reader.readCount()
        var records = [RecordId: Value](minimumCapacity: count)
        for _ in 0..<count {
            let id = try RecordId.read(from: &reader)
            guard records.updateValue(try Value.read(from: &reader, texts: texts), forKey: id) == nil else {
                throw BinaryFormatError("record \(id) is stored twice")
            }
        }
        return records
    }
}
