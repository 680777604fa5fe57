/// The fields of an object of a ``JSONDocument``, each found by its name and noted as read.
///
/// It holds only its object's decoder: the decoding containers copy the container about, and a copy of a struct
/// generic over `Key` with more parts looks its layout up in the runtime's metadata every time.
struct StrictKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The object's decoder.
    let object: StrictJSONDecoder

    private var document: JSONDocument { object.document }

    var codingPath: [any CodingKey] { object.codingPath }

    var allKeys: [Key] {
        document.keys(of: object.node).compactMap { Key(stringValue: document.string(at: $0)) }
    }

    func contains(_ key: Key) -> Bool {
        document.value(named: key.stringValue, in: object.node) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        document.nodes[try value(key)].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try document.bool(try value(key), at: path(key))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try document.string(try value(key), at: path(key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try number(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try number(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try fieldDecoder(key).decodeValue(type)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try presentValue(key).map { try document.bool($0, at: path(key)) }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try presentValue(key).map { try document.string($0, at: path(key)) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optionalNumber(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optionalNumber(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try optionalInteger(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try optionalInteger(type, key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentValue(key).map {
            try StrictJSONDecoder($0, key: key, in: object, ledger: object.ledger).decodeValue(type)
        }
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try fieldDecoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try fieldDecoder(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try fieldDecoder(AnyCodingKey(stringValue: "super"))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try fieldDecoder(key)
    }

    /// The node of a field's value.
    ///
    /// - Throws: `DecodingError.keyNotFound` when the object has no such field.
    private func value(_ key: some CodingKey) throws -> Int {
        guard let value = document.value(named: key.stringValue, in: object.node) else {
            throw DecodingError.keyNotFound(
                key,
                DecodingError.Context(codingPath: codingPath, debugDescription: "\(key.stringValue) is required")
            )
        }
        return value
    }

    /// The node of a field's value, or nil when the field is absent or null.
    private func presentValue(_ key: Key) -> Int? {
        document.value(named: key.stringValue, in: object.node).flatMap { document.nodes[$0].kind == .null ? nil : $0 }
    }

    private func fieldDecoder(_ key: some CodingKey) throws -> StrictJSONDecoder {
        StrictJSONDecoder(try value(key), key: key, in: object, ledger: object.ledger)
    }

    private func path(_ key: Key) -> [any CodingKey] {
        codingPath + [key]
    }

    private func integer<Integer: FixedWidthInteger>(_ type: Integer.Type, _ key: Key) throws -> Integer {
        try document.integer(type, try value(key), at: path(key))
    }

    private func number<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: Number.Type,
        _ key: Key
    ) throws -> Number {
        try document.floatingPoint(type, try value(key), at: path(key))
    }

    private func optionalInteger<Integer: FixedWidthInteger>(_ type: Integer.Type, _ key: Key) throws -> Integer? {
        try presentValue(key).map { try document.integer(type, $0, at: path(key)) }
    }

    private func optionalNumber<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: Number.Type,
        _ key: Key
    ) throws -> Number? {
        try presentValue(key).map { try document.floatingPoint(type, $0, at: path(key)) }
    }
}
