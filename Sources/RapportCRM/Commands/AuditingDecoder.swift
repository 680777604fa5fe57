/// The fields of each JSON object a decoding visited: those present in the input and those the types read.
///
/// Synthesized `Decodable` code ignores fields it does not know, so a misspelled optional field (`"amout"`)
/// would be dropped without a word. Fields that no coding key names are refused as soon as their object is
/// opened; comparing the two at the end also finds fields a type names but never reads.
final class FieldLedger {
    /// One object's fields present in the input, and which of them were read; shared by every container opened
    /// on the object, so a field counts as read whichever container read it.
    final class Object {
        /// The object's fields, as in the input.
        let keys: [String]
        /// Whether each of ``keys`` was read.
        private var read: [Bool]

        init(keys: [String]) {
            self.keys = keys
            read = Array(repeating: false, count: keys.count)
        }

        /// Notes that a field was read (or looked for: an absent optional field is among no keys).
        ///
        /// An object has a handful of fields, so a scan finds one sooner than hashing its name would.
        func recordRead(_ key: String) {
            if let index = keys.firstIndex(of: key) { read[index] = true }
        }

        /// The first field, in name order, that no type read.
        func firstUnread() -> String? {
            keys.indices.filter { !read[$0] }.map { keys[$0] }.min()
        }
    }

    /// What the fields belong to in refusals, e.g. `OpenAccount` or `a command`.
    let subject: String
    private var objects: [String: Object] = [:]

    init(subject: String) {
        self.subject = subject
    }

    /// The record of the object at a JSON path, made on its first opening.
    ///
    /// - Parameters:
    ///   - path: The object's JSON path.
    ///   - keys: Its fields, as in the input.
    /// - Returns: The record every container on the object notes its reads in.
    func object(at path: String, keys: [String]) -> Object {
        if let object = objects[path] { return object }
        let object = Object(keys: keys)
        objects[path] = object
        return object
    }

    /// The JSON path of the first field present that no type read, in path order.
    func firstUnknownField() -> String? {
        for path in objects.keys.sorted() {
            if let unknown = objects[path]?.firstUnread() {
                return JSONPath(path, field: unknown)
            }
        }
        return nil
    }

    /// The refusal of a field that is not one of the subject's.
    func unknownField(_ field: String, known: [String]?) -> DomainError {
        let list = known.map { "; it has " + $0.joined(separator: ", ") } ?? ""
        return DomainError(.unknownField, field: field, "\(field) is not a field of \(subject)\(list)")
    }
}

/// A decoder that forwards to another, notes in a ``FieldLedger`` every object's fields and the ones read, and
/// turns the decoder's vague number errors into refusals that name the field and the range.
struct AuditingDecoder: Decoder {
    let inner: any Decoder
    let ledger: FieldLedger

    init(_ inner: any Decoder, ledger: FieldLedger) {
        self.inner = inner
        self.ledger = ledger
    }

    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { inner.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let path = JSONPath(codingPath)
        let container = try opening("an object", at: path) { try inner.container(keyedBy: type) }
        let keys = try inner.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        if let unknown = keys.sorted().first(where: { Key(stringValue: $0) == nil }) {
            let known = (Key.self as? any (CodingKey & CaseIterable).Type).map { Self.names($0) }
            throw ledger.unknownField(JSONPath(path, field: unknown), known: known)
        }
        let object = ledger.object(at: path, keys: keys)
        return KeyedDecodingContainer(
            AuditingKeyedContainer(inner: container, ledger: ledger, object: object, path: path)
        )
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try opening("an array", at: JSONPath(codingPath)) { try inner.unkeyedContainer() }
        return AuditingUnkeyedContainer(inner: container, ledger: ledger)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        AuditingSingleValueContainer(inner: try inner.singleValueContainer())
    }

    /// Opens a container, refusing a value of another kind with the field's name.
    private func opening<Container>(
        _ kind: String,
        at path: String,
        _ open: () throws -> Container
    ) throws -> Container {
        do {
            return try open()
        } catch DecodingError.typeMismatch, DecodingError.valueNotFound {
            throw DomainError(.invalidField, field: path, "\(path.isEmpty ? ledger.subject : path) must be \(kind)")
        }
    }

    private static func names<Key: CodingKey & CaseIterable>(_ type: Key.Type) -> [String] {
        Key.allCases.map(\.stringValue)
    }
}

/// Whether values of a type are JSON scalars the decoder reads itself, rather than types built on containers.
func isPlainValue<T>(_ type: T.Type) -> Bool {
    type == String.self || type == Bool.self || isNumber(type)
}

/// Whether a type is one of the standard integer or floating-point types.
func isNumber<T>(_ type: T.Type) -> Bool {
    type is any FixedWidthInteger.Type || type is any BinaryFloatingPoint.Type
}

/// Decodes a number, refusing anything else (a string, a fraction for an integer, a value out of range) with the
/// field's name and the range it must be in; Foundation's decoder reports a number out of range as invalid JSON,
/// without a path.
///
/// - Parameters:
///   - type: The number's type.
///   - path: The field's JSON path.
///   - decode: The decoding.
/// - Returns: The number.
/// - Throws: ``DomainError`` `invalid_field`, or the decoder's error when the field is missing.
func decodingNumber<T>(_ type: T.Type, at path: @autoclosure () -> String, _ decode: () throws -> T) throws -> T {
    do {
        return try decode()
    } catch {
        if case DecodingError.keyNotFound = error { throw error }
        let field = path()
        let rule =
            switch type {
            case let integer as any FixedWidthInteger.Type: integerRange(integer)
            default: "a number of at most \(Double.greatestFiniteMagnitude) in size"
            }
        throw DomainError(.invalidField, field: field, "\(field) must be \(rule)")
    }
}

private func integerRange<Integer: FixedWidthInteger>(_ type: Integer.Type) -> String {
    "a whole number from \(Integer.min) to \(Integer.max)"
}

/// A single-value container whose number reads refuse bad values with the field's name.
private struct AuditingSingleValueContainer: SingleValueDecodingContainer {
    let inner: any SingleValueDecodingContainer

    var codingPath: [any CodingKey] { inner.codingPath }

    func decodeNil() -> Bool { inner.decodeNil() }
    func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
    func decode(_ type: String.Type) throws -> String { try inner.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try number(type) }
    func decode(_ type: Float.Type) throws -> Float { try number(type) }
    func decode(_ type: Int.Type) throws -> Int { try number(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try number(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try number(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try number(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try number(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try number(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try number(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try number(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try number(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try number(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        isNumber(type) ? try number(type) : try inner.decode(type)
    }

    private func number<T: Decodable>(_ type: T.Type) throws -> T {
        try decodingNumber(type, at: JSONPath(codingPath)) { try inner.decode(type) }
    }
}
