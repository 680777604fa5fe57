/// The elements of an array of a ``JSONDocument``, in order.
struct StrictUnkeyedContainer: UnkeyedDecodingContainer {
    /// The array's decoder.
    let array: StrictJSONDecoder
    private(set) var currentIndex = 0
    /// The node of the element at ``currentIndex``.
    private var element: Int

    init(array: StrictJSONDecoder) {
        self.array = array
        element = array.node + 1
    }

    private var document: JSONDocument { array.document }

    var codingPath: [any CodingKey] { array.codingPath }
    var count: Int? { document.nodes[array.node].count }
    var isAtEnd: Bool { currentIndex >= document.nodes[array.node].count }

    mutating func decodeNil() throws -> Bool {
        guard document.nodes[try current(Any?.self)].kind == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.bool($1, at: $2()) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.string($1, at: $2()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try number(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try number(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try elementDecoder(type).decodeValue(type)
        advance()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try elementDecoder(KeyedDecodingContainer<NestedKey>.self).container(keyedBy: type)
        advance()
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try elementDecoder((any UnkeyedDecodingContainer).self).unkeyedContainer()
        advance()
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = try elementDecoder((any Decoder).self)
        advance()
        return decoder
    }

    /// The node of the element at ``currentIndex``.
    ///
    /// - Throws: `DecodingError.valueNotFound` past the last element.
    private func current(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(codingPath: elementPath(), debugDescription: "the array has no more elements")
            )
        }
        return element
    }

    private func elementDecoder(_ type: Any.Type) throws -> StrictJSONDecoder {
        StrictJSONDecoder(try current(type), key: AnyCodingKey(intValue: currentIndex), in: array, ledger: array.ledger)
    }

    private func elementPath() -> [any CodingKey] {
        codingPath + [AnyCodingKey(intValue: currentIndex)]
    }

    private mutating func advance() {
        element = document.nodes[element].next
        currentIndex += 1
    }

    /// Reads the element at ``currentIndex`` with a scalar reading and moves past it.
    private mutating func next<T>(
        _ type: T.Type,
        _ read: (JSONDocument, Int, () -> [any CodingKey]) throws -> T
    ) throws -> T {
        let (array, index) = (array, currentIndex)
        let value = try read(document, try current(type)) { array.codingPath + [AnyCodingKey(intValue: index)] }
        advance()
        return value
    }

    private mutating func integer<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        try next(type) { try $0.integer(type, $1, at: $2()) }
    }

    private mutating func number<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: Number.Type
    ) throws -> Number {
        try next(type) { try $0.floatingPoint(type, $1, at: $2()) }
    }
}

/// The one value of a decoder of a ``JSONDocument``.
struct StrictSingleValueContainer: SingleValueDecodingContainer {
    /// The value's decoder.
    let value: StrictJSONDecoder

    private var document: JSONDocument { value.document }

    var codingPath: [any CodingKey] { value.codingPath }

    func decodeNil() -> Bool { document.nodes[value.node].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(value.node, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try document.string(value.node, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try value.decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { try value.decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(type, value.node, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(type, value.node, at: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value.decodeValue(type) }
}
