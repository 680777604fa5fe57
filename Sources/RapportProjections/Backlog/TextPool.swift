import RapportCRM

/// Repeated texts (case subjects, owners, lead sources and statuses) kept once, each record holding a small
/// number instead of its own copy: millions of records share a few hundred distinct texts.
struct TextPool: Sendable, Hashable {
    /// The texts and their numbers.
    private(set) var table = TextTable<Int32>()

    /// An empty pool.
    init() {}

    /// The number of a text, adding it when it is new.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its number.
    mutating func number(of text: String) -> Int32 {
        table.numberAdding(text)
    }

    /// The number of an optional text, ``none`` when there is none.
    ///
    /// - Parameter text: The text, if any.
    /// - Returns: Its number, or ``none``.
    mutating func number(of text: String?) -> Int32 {
        guard let text else { return Self.none }
        return number(of: text)
    }

    /// The text at a number, nil for ``none`` or a number the pool does not hold.
    ///
    /// - Parameter number: The number.
    /// - Returns: The text.
    func text(_ number: Int32) -> String? {
        table.text(number)
    }

    /// Orders text numbers by their texts' UTF-8 bytes, with ``none`` (and numbers the pool does not hold) last.
    ///
    /// - Parameters:
    ///   - left: A number.
    ///   - right: Another number.
    /// - Returns: Whether `left` comes first.
    func nameOrder(_ left: Int32, _ right: Int32) -> Bool {
        guard let leftText = text(left) else { return false }
        guard let rightText = text(right) else { return true }
        return leftText.utf8.lexicographicallyPrecedes(rightText.utf8)
    }

    /// The number standing for no text.
    static let none: Int32 = -1
}

extension TextPool: BinaryField {
    /// Writes the texts in number order.
    ///
    /// - Parameter writer: The writer.
    func write(to writer: inout ByteWriter) {
        table.texts.write(to: &writer)
    }

    /// Reads texts written by ``write(to:)``, numbering them again in order.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The pool.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or a text appears twice.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> TextPool {
        var pool = TextPool()
        try pool.table.appendTexts(from: &reader)
        return pool
    }

    /// Reads a text number written for this pool, checking that the pool holds it.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - optional: Whether ``none`` is allowed.
    /// - Returns: The number.
    /// - Throws: ``BinaryFormatError`` when the number is not in the pool.
    func readNumber(from reader: inout ByteReader, optional: Bool) throws(BinaryFormatError) -> Int32 {
        let value = try reader.readSigned()
        if optional, value == Int64(Self.none) { return Self.none }
        guard value >= 0, value < Int64(table.count) else {
            throw BinaryFormatError("text number \(value) is not among the \(table.count) pooled texts")
        }
        return Int32(value)
    }
}
