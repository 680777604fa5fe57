import Foundation

/// Any JSON value, decoded and encoded through Foundation's `JSONDecoder` and `JSONEncoder`.
///
/// Written here because Foundation has no `Codable` type for arbitrary JSON, and `JSONSerialization` sorts keys
/// with locale-aware string comparison, which made writing one record's canonical JSON ten times slower.
/// Integers keep their exact value (64-bit signed or unsigned); other numbers are doubles, and a double with an
/// integral value is written like an integer (JSON does not tell `5.0` from `5`).
public enum JSONValue: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsignedInteger(UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decodes whichever kind of value is there.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the value is none of the JSON kinds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .integer(number)
        } else if let number = try? container.decode(UInt64.self) {
            self = .unsignedInteger(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let object = try? container.decode([String: JSONValue].self) {
            self = .object(object)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    /// Encodes the value as the kind it is.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` for a double that is not finite.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let number): try container.encode(number)
        case .unsignedInteger(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let values): try container.encode(values)
        case .object(let members): try container.encode(members)
        }
    }

    /// Parses JSON text.
    ///
    /// - Parameter bytes: UTF-8 JSON text.
    /// - Returns: The value, or `nil` when the bytes are not JSON.
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// The value's compact JSON text with object keys sorted, the same bytes for the same value every time.
    public var canonicalText: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Values come from JSON text or from the tools' own fields; the one thing JSONEncoder refuses, a
        // non-finite double, can not be parsed from JSON, and the tools never build one.
        return Array(try! encoder.encode(self))
    }

    /// The canonical text as a string.
    public var canonicalString: String {
        String(decoding: canonicalText, as: UTF8.self)
    }
}
