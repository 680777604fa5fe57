/// A keyed container that notes each field read and audits nested values.
///
/// Its parts sit in one object: the decoding containers copy the container about, and a copy of a struct generic
/// over `Key` looked its layout up in the runtime's metadata every time; a copy of one reference does not.
struct AuditingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    private final class Parts {
        let inner: KeyedDecodingContainer<Key>
        let ledger: FieldLedger
        let object: FieldLedger.Object
        let path: String

        init(inner: KeyedDecodingContainer<Key>, ledger: FieldLedger, object: FieldLedger.Object, path: String) {
            self.inner = inner
            self.ledger = ledger
            self.object = object
            self.path = path
        }
    }

    private let parts: Parts

    /// Creates a container over a decoder's keyed container.
    ///
    /// - Parameters:
    ///   - inner: The container read.
    ///   - ledger: Where fields read and unknown are noted.
    ///   - object: The fields of the object this container reads.
    ///   - path: The object's JSON path, for messages.
    init(inner: KeyedDecodingContainer<Key>, ledger: FieldLedger, object: FieldLedger.Object, path: String) {
        parts = Parts(inner: inner, ledger: ledger, object: object, path: path)
    }

    private var inner: KeyedDecodingContainer<Key> { parts.inner }
    private var ledger: FieldLedger { parts.ledger }
    private var object: FieldLedger.Object { parts.object }
    private var path: String { parts.path }

    var codingPath: [any CodingKey] { inner.codingPath }
    var allKeys: [Key] { inner.allKeys }

    func contains(_ key: Key) -> Bool {
        object.recordRead(key.stringValue)
        return inner.contains(key)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        object.recordRead(key.stringValue)
        return try inner.decodeNil(forKey: key)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        object.recordRead(key.stringValue)
        if isNumber(type) {
            return try decodingNumber(type, at: field(key)) { try inner.decode(type, forKey: key) }
        }
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

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeScalar(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeScalar(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeScalar(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeScalar(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeScalar(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeScalar(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeScalar(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeScalar(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeScalar(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeScalar(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeScalar(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeScalar(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeScalar(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeScalar(type, key) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        object.recordRead(key.stringValue)
        return try AuditingDecoder(try inner.superDecoder(forKey: key), ledger: ledger).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        object.recordRead(key.stringValue)
        return try AuditingDecoder(try inner.superDecoder(forKey: key), ledger: ledger).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        AuditingDecoder(try inner.superDecoder(), ledger: ledger)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        object.recordRead(key.stringValue)
        return AuditingDecoder(try inner.superDecoder(forKey: key), ledger: ledger)
    }

    /// Reads a JSON scalar through the generic path, which audits numbers.
    private func decodeScalar<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decode(type, forKey: key)
    }

    private func field(_ key: Key) -> String {
        JSONPath(path, field: key.stringValue)
    }
}

/// An unkeyed container whose elements are audited like the fields of an object.
struct AuditingUnkeyedContainer: UnkeyedDecodingContainer {
    var inner: any UnkeyedDecodingContainer
    let ledger: FieldLedger

    var codingPath: [any CodingKey] { inner.codingPath }
    var count: Int? { inner.count }
    var isAtEnd: Bool { inner.isAtEnd }
    var currentIndex: Int { inner.currentIndex }

    mutating func decodeNil() throws -> Bool { try inner.decodeNil() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if isNumber(type) {
            let field = JSONPath(codingPath + [AnyCodingKey(intValue: currentIndex)])
            return try decodingNumber(type, at: field) { try inner.decode(type) }
        }
        if isPlainValue(type) {
            return try inner.decode(type)
        }
        return try T(from: AuditingDecoder(try inner.superDecoder(), ledger: ledger))
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeScalar(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decodeScalar(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeScalar(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeScalar(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeScalar(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeScalar(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeScalar(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeScalar(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeScalar(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeScalar(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeScalar(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeScalar(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeScalar(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeScalar(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try AuditingDecoder(try inner.superDecoder(), ledger: ledger).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try AuditingDecoder(try inner.superDecoder(), ledger: ledger).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        AuditingDecoder(try inner.superDecoder(), ledger: ledger)
    }

    /// Reads a JSON scalar through the generic path, which audits numbers.
    private mutating func decodeScalar<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type)
    }
}
