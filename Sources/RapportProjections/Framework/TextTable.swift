import RapportCRM

/// Texts numbered in the order they were first added, each kept once, so that records hold a small number instead
/// of their own copy: the pipeline's stage and owner names, and behind the pools of repeated texts (``TextPool``,
/// ``AccountTexts``), which differ only in the number that stands for no text and in how a number is written.
struct TextTable<Number: FixedWidthInteger & Sendable>: Sendable, Hashable {
    /// Every text, at its number.
    private(set) var texts: [String] = []
    private var numbers = TextNumbers<Number>()

    /// An empty table.
    init() {}

    /// How many texts.
    var count: Int { texts.count }

    /// The number of a text already in the table.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its number, or nil when it is not in the table.
    @inline(__always)
    mutating func number(of text: String) -> Number? {
        numbers.number(of: text)
    }

    /// Whether a text is in the table.
    ///
    /// - Parameter text: The text.
    /// - Returns: `true` when it has a number.
    func contains(_ text: String) -> Bool {
        numbers.contains(text)
    }

    /// Adds a text not in the table yet.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its number, the next one.
    mutating func append(_ text: String) -> Number {
        let number = Number(texts.count)
        texts.append(text)
        numbers.set(number, for: text)
        return number
    }

    /// The number of a text, adding it when it is new.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its number.
    mutating func numberAdding(_ text: String) -> Number {
        number(of: text) ?? append(text)
    }

    /// The text at a number, nil for a number the table does not hold.
    ///
    /// - Parameter number: The number.
    /// - Returns: The text.
    func text(_ number: Number) -> String? {
        number >= 0 && number < Number(texts.count) ? texts[Int(number)] : nil
    }

    /// The text at a number the table holds.
    ///
    /// - Parameter number: The number, below ``count``.
    subscript(number: Number) -> String { texts[Int(number)] }

    /// Adds texts read from the binary form, in order, refusing a text the table holds already.
    ///
    /// - Parameter reader: The reader, at texts written as a `[String]`.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or a text appears twice.
    mutating func appendTexts(from reader: inout ByteReader) throws(BinaryFormatError) {
        for text in try [String].read(from: &reader) {
            guard !contains(text) else { throw BinaryFormatError("text \"\(text)\" is pooled twice") }
            _ = append(text)
        }
    }
}
