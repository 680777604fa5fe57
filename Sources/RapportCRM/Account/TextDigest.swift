/// A 64-bit fingerprint of an optional text field (FNV-1a over its UTF-8 bytes), the same for a missing and an
/// empty text.
///
/// The decision state keeps these instead of the texts: an update only needs to tell which fields it changes,
/// and millions of records' titles, phone numbers and web sites need not sit in memory for that. Two different
/// texts share a digest about once in 10^19 comparisons; an update would then be taken for no change.
public struct TextDigest: Sendable, Hashable {
    /// The fingerprint; internal so that snapshots can store it (TextDigest+Binary.swift).
    let value: UInt64

    /// The digest of a text, or of no text.
    ///
    /// - Parameter text: The text; nil and empty give the same digest.
    public init(_ text: String?) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (text ?? "").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        value = hash
    }
}

extension TextDigest {
    /// The text a command gives for an optional field, checked, when it differs from the text with this digest.
    ///
    /// - Parameters:
    ///   - value: The text the command gives, if any (empty clears the field).
    ///   - field: The field's JSON path.
    /// - Returns: The text when given and different, else nil.
    /// - Throws: ``DomainError`` `invalid_field` when the text breaks ``FieldRules/optionalText(_:field:maximumLength:)``.
    func change(to value: String?, field: String) throws -> String? {
        guard let value = try FieldRules.optionalText(value, field: field), TextDigest(value) != self else {
            return nil
        }
        return value
    }
}
