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
    /// Writes the count, then each id and its value, in the dictionary's own order. Each value is prefixed with
    /// its length, so that a reader keeping only some records passes over the others without decoding them.
    ///
    /// - Parameter writer: The writer.
    func writeFields(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        var value = ByteWriter(capacity: 1 << 12)
        for (id, record) in self {
            id.write(to: &writer)
            value.removeAll()
            record.write(to: &value)
            writer.writeBytes(value.bytes)
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
        try readFields(from: &reader, reservingRoom: true) { (id, bytes: inout ByteReader) throws(BinaryFormatError) in
            try readWhole(id, from: &bytes, texts: texts)
        }
    }

    /// Reads records written by ``writeFields(to:)``, keeping only some: the others are passed over undecoded.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - texts: The pool the values' text numbers refer to.
    ///   - keep: Whether to keep the record with this id.
    /// - Returns: The kept records by id.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or a kept id appears twice.
    static func readFields(
        from reader: inout ByteReader,
        texts: AccountTexts,
        keeping keep: (RecordId) -> Bool
    ) throws(BinaryFormatError) -> [RecordId: Value] {
        try readFields(from: &reader, reservingRoom: false) { (id, bytes: inout ByteReader) throws(BinaryFormatError) in
            keep(id) ? try readWhole(id, from: &bytes, texts: texts) : nil
        }
    }

    /// Reads records written by ``writeFields(to:)``, each as `decode` reads it from its own bytes.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - reservingRoom: Whether to make room for every record at once (when most are kept).
    ///   - decode: Reads a record from a reader over its bytes; `nil` passes over it.
    /// - Returns: The records kept, by id.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or a kept id appears twice.
    static func readFields(
        from reader: inout ByteReader,
        reservingRoom: Bool,
        _ decode: (RecordId, inout ByteReader) throws(BinaryFormatError) -> Value?
    ) throws(BinaryFormatError) -> [RecordId: Value] {
        let count = try reader.readCount()
        var records = [RecordId: Value](minimumCapacity: reservingRoom ? count : 0)
        for _ in 0..<count {
            let id = try RecordId.read(from: &reader)
            let decoded = try reader.withBytes { (bytes: inout ByteReader) throws(BinaryFormatError) in
                try decode(id, &bytes)
            }
            if case .none = decoded { continue }
            // Moved out of the optional, not copied: a copy retained every text of the record, and then
            // released them with the optional.
            guard records.updateValue((consume decoded)!, forKey: id) == nil else {
                throw BinaryFormatError("record \(id) is stored twice")
            }
        }
        return records
    }

    /// Reads a whole record from its bytes, refusing bytes left after it.
    static func readWhole(_ id: RecordId, from bytes: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError)
        -> Value
    {
        let value = try Value.read(from: &bytes, texts: texts)
        guard bytes.isAtEnd else {
            throw BinaryFormatError("record \(id) has \(bytes.remainingCount) bytes after its end")
        }
        return value
    }
}
