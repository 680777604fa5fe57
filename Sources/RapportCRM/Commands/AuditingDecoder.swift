/// The fields of each JSON object a decoding visited: those present in the input and those the types read.
///
/// Synthesized `Decodable` code ignores fields it does not know, so a misspelled optional field (`"amout"`)
/// would be dropped without a word; comparing the two sets finds it.
final class FieldLedger {
    private var present: [String: [String]] = [:]
    private var read: [String: Set<String>] = [:]

    func recordPresent(_ keys: [String], at path: String) {
        present[path] = keys
    }

    func recordRead(_ key: String, at path: String) {
        read[path, default: []].insert(key)
    }

    /// The JSON path of the first field present that no type read, in path order.
    func firstUnknownField() -> String? {
        for path in present.keys.sorted() {
            let known = read[path] ?? []
            if let unknown = present[path]?.sorted().first(where: { !known.contains($0) }) {
                return path.isEmpty ? unknown : path + "." + unknown
            }
        }
        return nil
    }
}

/// A decoder that forwards to another and notes in a ``FieldLedger`` every object's fields and the ones read.
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
        let container = try inner.container(keyedBy: type)
        let keys = try inner.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        let path = JSONPath(codingPath)
        ledger.recordPresent(keys, at: path)
        return KeyedDecodingContainer(AuditingKeyedContainer(inner: container, ledger: ledger, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        AuditingUnkeyedContainer(inner: try inner.unkeyedContainer(), ledger: ledger)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        try inner.singleValueContainer()
    }
}

/// Decodes a value either directly (plain JSON values) or through an ``AuditingDecoder`` (objects and arrays).
private func isPlainValue<T>(_ type: T.Type) -> Bool {
    type == String.self || type == Bool.self || type == Double.self || type == Int.self || type == Int64.self
        || type == UInt64.self || type == Float.self || type == Int32.self || type == UInt32.self
}

private struct AuditingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let inner: KeyedDecodingContainer<Key>
    let ledger: FieldLedger
    let path: String

    var codingPath: [any CodingKey] { inner.codingPath }
    var allKeys: [Key] { inner.allKeys }

    func contains(_ key: Key) -> Bool {
        ledger.recordRead(key.stringValue, at: path)
        return inner.contains(key)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        ledger.recordRead(key.stringValue, at: path)
        return try inner.decodeNil(forKey: key)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        ledger.recordRead(key.stringValue, at: path)
        if isPlainValue(type) {
            return try inner.decode(type, forKey: key)
        }
        guard inner.contains(key) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(codingPath: codingPath, debugDescription: "\(key.stringValue) is required")
            )
        }
        return try T(from: AuditingDecoder(try inner.superDecoder(forKey: key), ledger: ledger))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try plain(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try plain(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try plain(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try plain(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try plain(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try plain(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try plain(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try plain(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try plain(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try plain(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try plain(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try plain(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try plain(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try plain(type, key) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        ledger.recordRead(key.stringValue, at: path)
        return try AuditingDecoder(try inner.superDecoder(forKey: key), ledger: ledger).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        ledger.recordRead(key.stringValue, at: path)
        return AuditingUnkeyedContainer(inner: try inner.nestedUnkeyedContainer(forKey: key), ledger: ledger)
    }

    func superDecoder() throws -> any Decoder {
        AuditingDecoder(try inner.superDecoder(), ledger: ledger)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ledger.recordRead(key.stringValue, at: path)
        return AuditingDecoder(try inner.superDecoder(forKey: key), ledger: ledger)
    }

    private func plain<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        ledger.recordRead(key.stringValue, at: path)
        return try inner.decode(type, forKey: key)
    }
}

private struct AuditingUnkeyedContainer: UnkeyedDecodingContainer {
    var inner: any UnkeyedDecodingContainer
    let ledger: FieldLedger

    var codingPath: [any CodingKey] { inner.codingPath }
    var count: Int? { inner.count }
    var isAtEnd: Bool { inner.isAtEnd }
    var currentIndex: Int { inner.currentIndex }

    mutating func decodeNil() throws -> Bool { try inner.decodeNil() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if isPlainValue(type) {
            return try inner.decode(type)
        }
        return try T(from: AuditingDecoder(try inner.superDecoder(), ledger: ledger))
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try inner.decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try inner.decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try inner.decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try inner.decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try inner.decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try inner.decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try inner.decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try inner.decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try inner.decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try inner.decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try inner.decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try inner.decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try inner.decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try inner.decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try AuditingDecoder(try inner.superDecoder(), ledger: ledger).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        AuditingUnkeyedContainer(inner: try inner.nestedUnkeyedContainer(), ledger: ledger)
    }

    mutating func superDecoder() throws -> any Decoder {
        AuditingDecoder(try inner.superDecoder(), ledger: ledger)
    }
}
