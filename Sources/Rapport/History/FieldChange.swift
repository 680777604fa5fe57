/// What one event did to one field of a record: the value before and the value after.
public struct FieldChange: Sendable, Hashable, Encodable {
    /// The field, as the record's events name it, e.g. `stage` or `ownerId`.
    public var field: String
    /// The value before the event; `nil` when the field had none.
    public var old: JSONValue?
    /// The value after the event; `nil` when the event removed it.
    public var new: JSONValue?

    /// Creates a change.
    ///
    /// - Parameters:
    ///   - field: The field.
    ///   - old: The value before, if any.
    ///   - new: The value after, if any.
    public init(field: String, old: JSONValue?, new: JSONValue?) {
        self.field = field
        self.old = old
        self.new = new
    }

    private enum CodingKeys: String, CodingKey {
        case field, old, new
    }

    /// Writes `field`, `old` and `new`, a missing value as `null`.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(old ?? .null, forKey: .old)
        try container.encode(new ?? .null, forKey: .new)
    }
}

extension JSONValue {
    /// The value as a table cell: a string as itself, `null` as nothing, anything else as compact JSON.
    var cellText: String {
        switch self {
        case .null: ""
        case .string(let text): text
        default: canonicalString
        }
    }
}
