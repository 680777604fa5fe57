/// The numbers of a pool's texts, by text, with a few slots in front that remember the texts asked for last.
///
/// A rebuild asks a pool for the number of a text (a stage, an owner, a subject) for most events it folds, and
/// hashing the text's bytes for the dictionary was the largest cost left in folding. The slots find a text by its
/// sixteen-byte representation instead: a short text is held in those bytes whole, and a longer one points to its
/// storage, which the texts read from the log share while they recur. Two texts with the same representation are
/// the same value, and a slot keeps its text, so the storage it points to can be neither freed and reused nor
/// changed in place while the slot holds it. A text with another representation (an equal text built apart) is
/// looked up in the dictionary and then takes the slot.
///
/// The slots are a cache: equality and hashing look at the numbers only. Written here because no collection at
/// hand looks strings up by identity before hashing them.
struct TextNumbers<Number: FixedWidthInteger & Sendable>: Sendable, Hashable {
    /// A text asked for lately and its number; `nil` for a slot not used yet.
    private struct Recent: Sendable {
        var text = ""
        var number: Number?
    }

    /// The number of slots, a power of two.
    private static var slotCount: Int { 64 }

    private var numbers: [String: Number]
    private var recent = [Recent](repeating: Recent(), count: slotCount)

    /// Numbers given as a dictionary.
    ///
    /// - Parameter numbers: Each text's number.
    init(_ numbers: [String: Number] = [:]) {
        self.numbers = numbers
    }

    /// Whether the pool has a number for a text; the slots are neither used nor changed.
    ///
    /// - Parameter text: The text.
    /// - Returns: `true` when it has one.
    func contains(_ text: String) -> Bool {
        numbers[text] != nil
    }

    /// The number of a text, from its slot when the slot holds the same text, else from the dictionary, after
    /// which the slot holds it.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its number, or `nil` when the pool has none.
    @inline(__always)
    mutating func number(of text: String) -> Number? {
        let bits = Self.representation(of: text)
        let slot = Self.slot(of: bits)
        if let number = recent[slot].number, Self.representation(of: recent[slot].text) == bits {
            return number
        }
        guard let number = numbers[text] else { return nil }
        recent[slot] = Recent(text: text, number: number)
        return number
    }

    /// Gives a text its number. A text numbered again empties every slot, since a slot may hold an equal text by
    /// another representation.
    ///
    /// - Parameters:
    ///   - number: The number.
    ///   - text: The text.
    mutating func set(_ number: Number, for text: String) {
        if numbers.updateValue(number, forKey: text) != nil {
            recent = [Recent](repeating: Recent(), count: Self.slotCount)
        }
        let slot = Self.slot(of: Self.representation(of: text))
        recent[slot] = Recent(text: text, number: number)
    }

    static func == (left: Self, right: Self) -> Bool {
        left.numbers == right.numbers
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(numbers)
    }

    /// A text's sixteen bytes as two words; read, not retained.
    @inline(__always)
    private static func representation(of text: String) -> (UInt64, UInt64) {
        withUnsafeBytes(of: text) { ($0.load(as: UInt64.self), $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// The slot of a representation: the top bits of a multiplicative hash of its words.
    @inline(__always)
    private static func slot(of bits: (UInt64, UInt64)) -> Int {
        let hash = (bits.0 &* 0x9E37_79B9_7F4A_7C15) ^ (bits.1 &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: hash >> UInt64(UInt64.bitWidth - slotCount.trailingZeroBitCount))
    }
}
