/// The rules every text, email and amount field of a command follows, each refusal naming the field.
enum FieldRules {
    /// The longest free-text field, in characters, unless a field says otherwise.
    static let maximumTextLength = 255

    /// A required text: not empty or only spaces, no control characters, at most `maximumLength` characters.
    ///
    /// - Parameters:
    ///   - value: The text.
    ///   - field: The field's JSON path, e.g. `data.name`.
    ///   - maximumLength: The longest allowed, in characters.
    /// - Returns: The text, unchanged.
    /// - Throws: ``DomainError`` `invalid_field`.
    static func text(_ value: String, field: String, maximumLength: Int = maximumTextLength) throws -> String {
        if isPlainASCII(value, maximumLength: maximumLength), value.utf8.contains(where: { $0 != 0x20 }) {
            return value
        }
        guard value.contains(where: { !$0.isWhitespace }) else {
            throw DomainError(.invalidField, field: field, "\(field) must not be empty")
        }
        return try optionalText(value, field: field, maximumLength: maximumLength) ?? value
    }

    /// An optional text: when present, no control characters and at most `maximumLength` characters (it may be
    /// empty, which clears the field).
    ///
    /// - Parameters:
    ///   - value: The text, if given.
    ///   - field: The field's JSON path.
    ///   - maximumLength: The longest allowed, in characters.
    /// - Returns: The text, unchanged.
    /// - Throws: ``DomainError`` `invalid_field`.
    static func optionalText(
        _ value: String?,
        field: String,
        maximumLength: Int = maximumTextLength
    ) throws -> String? {
        guard let value else { return nil }
        if isPlainASCII(value, maximumLength: maximumLength) {
            return value
        }
        guard value.count <= maximumLength else {
            throw DomainError(
                .invalidField,
                field: field,
                "\(field) must be at most \(maximumLength) characters long, not \(value.count)"
            )
        }
        if let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw DomainError(
                .invalidField,
                field: field,
                "\(field) must not hold control characters such as \"\(control.escaped(asASCII: true))\""
            )
        }
        return value
    }

    /// Whether a text is printable ASCII no longer than `maximumLength`: then it breaks no text rule but
    /// blankness, and is checked without the cost of Unicode character and category lookups.
    private static func isPlainASCII(_ value: String, maximumLength: Int) -> Bool {
        var value = value
        return value.withUTF8 { bytes in bytes.count <= maximumLength && bytes.allSatisfy(isPrintableASCII) }
    }

    /// Whether a byte is a printable ASCII character: a space or a visible one.
    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F
    }

    /// An email address: `local@domain` with a dot in the domain, no spaces, at most 254 characters.
    ///
    /// - Parameters:
    ///   - value: The address.
    ///   - field: The field's JSON path.
    /// - Returns: The address, unchanged.
    /// - Throws: ``DomainError`` `invalid_field`.
    static func email(_ value: String, field: String) throws -> String {
        _ = try text(value, field: field, maximumLength: 254)
        guard isEmailAddress(value) else {
            throw DomainError(.invalidField, field: field, "\(field) must be an email address like name@example.com")
        }
        return value
    }

    /// Whether a text is `local@domain`: one `@`, a local part, a domain with a dot that neither starts nor ends
    /// it, and no whitespace. Printable ASCII, where each byte is a character, is read byte by byte.
    private static func isEmailAddress(_ value: String) -> Bool {
        var text = value
        let asASCII = text.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy(isPrintableASCII) else { return nil }
            guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
            let domain = bytes[(at + 1)...]
            return at > 0 && !domain.contains(UInt8(ascii: "@")) && !bytes.contains(UInt8(ascii: " "))
                && domain.contains(UInt8(ascii: ".")) && domain.first != UInt8(ascii: ".")
                && domain.last != UInt8(ascii: ".")
        }
        if let asASCII { return asASCII }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !containsWhitespace(value)
    }

    /// Whether a text holds whitespace, looking up Unicode properties only for non-ASCII texts.
    private static func containsWhitespace(_ value: String) -> Bool {
        let utf8 = value.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        return value.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// The form of an email address that duplicates are found by: lower case.
    ///
    /// - Parameter email: The address.
    /// - Returns: Its key.
    static func emailKey(_ email: String) -> String {
        email.lowercased()
    }

    /// An amount of money that may not be negative.
    ///
    /// - Parameters:
    ///   - value: The amount.
    ///   - field: The field's JSON path.
    /// - Returns: The amount.
    /// - Throws: ``DomainError`` `invalid_field`.
    static func nonNegative(_ value: Money, field: String) throws -> Money {
        guard value >= .zero else {
            throw DomainError(.invalidField, field: field, "\(field) must not be negative, not \(value)")
        }
        return value
    }

    /// A whole number within a range.
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - range: The allowed values.
    ///   - field: The field's JSON path.
    /// - Returns: The number.
    /// - Throws: ``DomainError`` `invalid_field`.
    static func number(_ value: Int, in range: ClosedRange<Int>, field: String) throws -> Int {
        guard range.contains(value) else {
            throw DomainError(
                .invalidField,
                field: field,
                "\(field) must be between \(range.lowerBound) and \(range.upperBound), not \(value)"
            )
        }
        return value
    }

    /// An ISO 4217 currency code: three capital letters such as `EUR`.
    ///
    /// - Parameters:
    ///   - value: The code.
    ///   - field: The field's JSON path.
    /// - Returns: The code.
    /// - Throws: ``DomainError`` `invalid_field`.
    static func currency(_ value: String, field: String) throws -> String {
        guard value.utf8.count == 3, value.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw DomainError(
                .invalidField,
                field: field,
                "\(field) must be a three-letter ISO 4217 currency code such as USD, not \"\(value)\""
            )
        }
        return value
    }
}
