import Foundation

/// Writes `Encodable` values as compact JSON with sorted keys: byte for byte what Foundation's `JSONEncoder` writes
/// with `[.sortedKeys, .withoutEscapingSlashes]`, for the values the domain's JSON forms hold (strings, integers,
/// booleans, decimals, null, objects and arrays).
///
/// Written here because `JSONEncoder` took most of the time of serving an event stream and of exporting: it boxes
/// every value, builds a dictionary per object and sorts it through Foundation strings. This encoder writes scalars
/// straight to bytes, keeps an object's members in a list and sorts that once at the end.
///
/// Floating-point numbers, dates, `Data` and URLs, which `JSONEncoder` writes through its strategies, are refused
/// with `EncodingError.invalidValue`: no domain event holds one, and refusing them keeps the bytes equal.
package enum SortedJSONEncoder {
    /// Appends a value's JSON.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - output: Where to write.
    /// - Throws: `EncodingError.invalidValue` for a value of a refused type, or when the value writes nothing.
    package static func append<Value: Encodable>(_ value: Value, to output: inout [UInt8]) throws {
        let encoder = JSONValueEncoder(arena: JSONArena(), parent: nil, key: nil)
        guard let node = try encoder.node(for: value, at: nil, whenEmpty: nil) else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "\(Value.self) did not encode any values.")
            )
        }
        encoder.arena.write(node, to: &output)
    }

    /// A value's JSON.
    ///
    /// - Parameter value: The value.
    /// - Returns: The JSON text.
    /// - Throws: What ``append(_:to:)`` throws.
    package static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        var output: [UInt8] = []
        try append(value, to: &output)
        return output
    }
}

/// The encoder handed to a value's `encode(to:)`: it records the value as a ``JSONNode``.
final class JSONValueEncoder: Encoder {
    /// Where the scalars of the whole encoding go.
    let arena: JSONArena
    /// What the value encoded, once it has.
    var value: JSONNode?

    private let parent: JSONValueEncoder?
    private let key: (any CodingKey)?

    /// Creates the encoder of a value.
    ///
    /// - Parameters:
    ///   - arena: Where scalars go.
    ///   - parent: The encoder of the enclosing value, if any.
    ///   - key: The value's key in the enclosing value, if any.
    init(arena: JSONArena, parent: JSONValueEncoder?, key: (any CodingKey)?) {
        self.arena = arena
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path = parent?.codingPath ?? []
        if let key { path.append(key) }
        return path
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let object) = value {
            return KeyedEncodingContainer(JSONKeyedContainer(encoder: self, object: object))
        }
        let object = JSONObjectNode()
        value = .object(object)
        return KeyedEncodingContainer(JSONKeyedContainer(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let array) = value {
            return JSONUnkeyedContainer(encoder: self, array: array)
        }
        let array = JSONArrayNode()
        value = .array(array)
        return JSONUnkeyedContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }

    /// The node of a value held by this encoder's value: written directly when its type allows, otherwise through
    /// its `encode(to:)` with an encoder of its own.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - key: Its key, for the coding path of errors.
    ///   - empty: The node of a value that encodes nothing (`JSONEncoder` writes `{}`).
    /// - Returns: The node, or `empty`.
    /// - Throws: `EncodingError.invalidValue` for a refused type.
    func node<Value: Encodable>(
        for value: Value,
        at key: (any CodingKey)?,
        whenEmpty empty: JSONNode? = .object(JSONObjectNode())
    ) throws -> JSONNode? {
        if let direct = value as? any JSONDirectValue {
            return arena.scalar { direct.appendJSON(to: &$0) }
        }
        if Value.self == Data.self || Value.self == URL.self {
            throw refusal(of: value, at: key)
        }
        let encoder = JSONValueEncoder(arena: arena, parent: self, key: key)
        try value.encode(to: encoder)
        return encoder.value ?? empty
    }

    /// The node of a scalar written directly.
    ///
    /// - Parameter value: The scalar.
    /// - Returns: Its node.
    func scalar(_ value: some JSONDirectValue) -> JSONNode {
        arena.scalar { value.appendJSON(to: &$0) }
    }

    /// The node of `null`.
    var null: JSONNode {
        arena.scalar { $0 += "null".utf8 }
    }

    /// The encoder of a nested container or super encoder at `key`.
    ///
    /// - Parameter key: The key.
    /// - Returns: The encoder.
    func child(at key: any CodingKey) -> JSONValueEncoder {
        JSONValueEncoder(arena: arena, parent: self, key: key)
    }

    /// The error for a value of a type this encoder does not write.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - key: Its key, if any.
    /// - Returns: The error.
    func refusal(of value: Any, at key: (any CodingKey)?) -> EncodingError {
        var path = codingPath
        if let key { path.append(key) }
        return EncodingError.invalidValue(
            value,
            EncodingError.Context(
                codingPath: path,
                debugDescription: "the domain's JSON holds no \(type(of: value)) values"
            )
        )
    }
}

/// The keys of values that have no key of their own in the coding path: array elements and super encoders.
enum JSONPathKey: CodingKey {
    /// An array element.
    case index(Int)
    /// The value of `superEncoder()`.
    case `super`

    init?(stringValue: String) {
        guard stringValue == "super" else { return nil }
        self = .super
    }

    init?(intValue: Int) {
        self = .index(intValue)
    }

    var stringValue: String {
        switch self {
        case .index(let index): "Index \(index)"
        case .super: "super"
        }
    }

    var intValue: Int? {
        switch self {
        case .index(let index): index
        case .super: nil
        }
    }
}
