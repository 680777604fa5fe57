import RapportCRM

/// The repeated texts of the account view (owners, types, industries, countries, territories, stages, titles,
/// names, subjects) kept once: each record holds a text's number instead of its own copy, so hundreds of
/// thousands of records share a few thousand distinct texts.
///
/// Number 0 is no text: an absent field, or one an update cleared with an empty text.
struct AccountTexts: Sendable, Hashable {
    /// Every text at its number; the empty text at 0.
    private var table = TextTable<UInt32>()

    /// A pool holding no text yet.
    init() {
        _ = table.append("")
    }

    /// The number of a text, adding it when it is new; 0 for no text or an empty one.
    ///
    /// - Parameter text: The text, if any.
    /// - Returns: Its number.
    mutating func number(of text: String?) -> UInt32 {
        guard let text else { return 0 }
        return table.numberAdding(text)
    }

    /// The text at a number, nil for 0 or a number the pool does not hold.
    ///
    /// - Parameter number: The number.
    /// - Returns: The text.
    func text(_ number: UInt32) -> String? {
        number > 0 ? table.text(number) : nil
    }

    /// Reads a text number written for this pool, refusing one the pool does not hold.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The number.
    /// - Throws: ``BinaryFormatError`` when the number is not in the pool.
    func readNumber(from reader: inout ByteReader) throws(BinaryFormatError) -> UInt32 {
        let number = try reader.readVarint()
        guard number < UInt64(table.count) else {
            throw BinaryFormatError("text number \(number) is not among the \(table.count) pooled texts")
        }
        return UInt32(number)
    }

    /// Writes a text's number, for ``readNumber(from:)``.
    ///
    /// - Parameters:
    ///   - number: The number.
    ///   - writer: The writer.
    static func writeNumber(_ number: UInt32, to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(number))
    }
}

extension AccountTexts: BinaryField {
    /// Writes the texts after the empty one, in number order.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(table.count - 1))
        for text in table.texts.dropFirst() { writer.writeString(text) }
    }

    /// Reads texts written by ``write(to:)``, numbering them again in order.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The pool.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or a text appears twice.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> AccountTexts {
        var pool = AccountTexts()
        try pool.table.appendTexts(from: &reader)
        return pool
    }
}
