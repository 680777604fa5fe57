/// The id a caller gives a CRM record: 1 to 64 characters, each an ASCII letter, digit, `.`, `_`, `:` or `-`.
///
/// The rule keeps ids safe in stream names, URLs, file names and CSV without escaping.
public struct RecordId: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The longest id, in characters.
    public static let maximumLength = 64

    /// The id's text.
    public let text: String

    /// Checks and wraps an id.
    ///
    /// - Parameters:
    ///   - text: The id.
    ///   - field: The input field it came from, named in the error.
    /// - Throws: ``DomainError`` with code `invalid_id`, naming the field and the rule broken.
    public init(_ text: String, field: @autoclosure () -> String = "id") throws {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= Self.maximumLength else {
            let field = field()
            throw DomainError(
                .invalidId,
                field: field,
                "\(field) must be 1 to \(Self.maximumLength) characters long, not \(text.count)"
            )
        }
        guard let bad = text.unicodeScalars.first(where: { !Self.isAllowed($0) }) else {
            self.text = text
            return
        }
        let field = field()
        throw DomainError(
            .invalidId,
            field: field,
            "\(field) may hold only letters, digits and . _ : -, not \"\(bad.escaped(asASCII: true))\""
        )
    }

    /// Wraps text known to be a valid id, such as one read back from the log.
    ///
    /// - Parameter text: The id.
    package init(unchecked text: String) {
        self.text = text
    }

    /// The id's text.
    public var description: String { text }

    public static func < (lhs: RecordId, rhs: RecordId) -> Bool {
        lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isAllowed(UInt8(scalar.value))
    }

    /// Whether an id may hold a byte of UTF-8: an ASCII letter, digit, `.`, `_`, `:` or `-`.
    ///
    /// - Parameter byte: The byte.
    /// - Returns: `true` when it is allowed.
    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
            UInt8(ascii: "-"):
            true
        default: false
        }
    }
}
