import RapportCRM

/// The repeated texts of the account view (owners, types, industries, countries, territories, stages, titles,
/// names, subjects) kept once: each record holds a text's number instead of its own copy, so hundreds of
/// thousands of records share a few thousand distinct texts.
///
/// Number 0 is no text: an absent field, or one an update cleared with an empty text.
struct AccountTexts: Sendable, Hashable {
    /// Every text at its number; the empty text at 0.
    private(set) var texts: [String] = [""]
    private var numbers = TextNumbers<UInt32>(["": 0])

    /// A pool holding no text yet.
    init() {}

    /// The number of a text, adding it when it is new; 0 for no text or an empty one.
    ///
    /// - Parameter text: The text, if any.
    /// - Returns: Its number.
    mutating func number(of text: String?) -> UInt32 {
        guard let text else { return 0 }
        if let number = numbers.number(of: text) { return number }
        let number = UInt32(texts.count)
        texts.append(text)
        numbers.set(number, for: text)
        return number
    }

    /// The text at a number, nil for 0 or a number the pool does not hold.
    ///
    /// - Parameter number: The number.
    /// - Returns: The text.
    func text(_ number: UInt32) -> String? {
        number > 0 && Int(number) < texts.count ? texts[Int(number)] : nil
    }

    /// Reads a text number written for this pool, refusing one the pool does not hold.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The number.
    /// - Throws: ``BinaryFormatError`` when the number is not in the pool.
    func readNumber(from reader: inout ByteReader) throws(BinaryFormatError) -> UInt32 {
        let number = try reader.readVarint()
        guard number < UInt64(texts.count) else {
            throw BinaryFormatError("text number \(number) is not among the \(texts.count) pooled texts")
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
        writer.writeVarint(UInt64(texts.count - 1))
        for text in texts.dropFirst() { writer.writeString(text) }
    }

    /// Reads texts written by ``write(to:)``, numbering them again in order.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The pool.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged or a text appears twice.
    static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> AccountTexts {
        var pool = AccountTexts()
        for text in try [String].read(from: &reader) {
            guard !pool.numbers.contains(text) else { throw BinaryFormatError("text \"\(text)\" is pooled twice") }
            _ = pool.number(of: text)
        }
        return pool
    }
}
