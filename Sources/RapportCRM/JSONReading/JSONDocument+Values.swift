import Foundation

/// JSON scalars read from a document's nodes, refused with the field's path when they are of another kind or out
/// of range. The path is made only for a refusal.
extension JSONDocument {
    /// The string at a node.
    ///
    /// - Throws: `DecodingError.typeMismatch`, or `valueNotFound` for null, at the path.
    func string(_ node: Int, at path: @autoclosure () -> [any CodingKey]) throws -> String {
        switch nodes[node].kind {
        case .string, .escapedString: return string(at: node)
        default: throw mismatch(String.self, node, path())
        }
    }

    /// The true or false at a node.
    ///
    /// - Throws: `DecodingError.typeMismatch`, or `valueNotFound` for null, at the path.
    func bool(_ node: Int, at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch nodes[node].kind {
        case .true: return true
        case .false: return false
        default: throw mismatch(Bool.self, node, path())
        }
    }

    /// The whole number at a node, in a type's range; a number written with a fraction or an exponent counts
    /// when its value is whole.
    ///
    /// - Throws: ``DomainError`` `invalid_field` naming the field and the range.
    func integer<Integer: FixedWidthInteger>(
        _ type: Integer.Type,
        _ node: Int,
        at path: @autoclosure () -> [any CodingKey]
    ) throws -> Integer {
        if let value = integer(type, at: node) { return value }
        let field = JSONPath(path())
        throw DomainError(
            .invalidField,
            field: field,
            "\(field) must be a whole number from \(Integer.min) to \(Integer.max)"
        )
    }

    /// The finite number at a node.
    ///
    /// - Throws: ``DomainError`` `invalid_field` naming the field and the range.
    func floatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: Number.Type,
        _ node: Int,
        at path: @autoclosure () -> [any CodingKey]
    ) throws -> Number {
        if nodes[node].kind == .number, let value = Number(numberText(node)), value.isFinite { return value }
        let field = JSONPath(path())
        throw DomainError(
            .invalidField,
            field: field,
            "\(field) must be a number of at most \(Double.greatestFiniteMagnitude) in size"
        )
    }

    /// The number at a node, read from its text without rounding it to a binary fraction.
    ///
    /// - Throws: `DecodingError.typeMismatch` or `dataCorrupted` at the path.
    func decimal(_ node: Int, at path: @autoclosure () -> [any CodingKey]) throws -> Decimal {
        guard nodes[node].kind == .number else { throw mismatch(Decimal.self, node, path()) }
        guard let value = Decimal(string: numberText(node), locale: nil), value.isFinite else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "the number is out of range"))
        }
        return value
    }

    /// The amount at a node when its text settles it at once (see ``Money/init(numberText:)``); nil sends the
    /// value to `Money`'s own reading, which refuses what is not an amount.
    func money(at index: Int) -> Money? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        return Money(numberText: UnsafeRawBufferPointer(rebasing: bytes[node.start..<node.end]))
    }

    private func integer<Integer: FixedWidthInteger>(_ type: Integer.Type, at index: Int) -> Integer? {
        let node = nodes[index]
        guard node.kind == .number else { return nil }
        let negative = bytes[node.start] == UInt8(ascii: "-")
        var value: Integer = 0
        for offset in (node.start + (negative ? 1 : 0))..<node.end {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return Double(numberText(index)).flatMap { Integer(exactly: $0) } }
            let (tens, tensOverflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow) =
                negative
                ? tens.subtractingReportingOverflow(Integer(digit)) : tens.addingReportingOverflow(Integer(digit))
            guard !tensOverflow, !overflow else { return nil }
            value = next
        }
        return value
    }

    private func numberText(_ index: Int) -> String {
        string(at: index)
    }

    private func mismatch(_ type: Any.Type, _ node: Int, _ path: [any CodingKey]) -> DecodingError {
        let context = DecodingError.Context(codingPath: path, debugDescription: "expected a value of type \(type)")
        return nodes[node].kind == .null ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }
}
