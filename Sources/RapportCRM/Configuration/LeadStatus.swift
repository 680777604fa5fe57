/// A lead status, and whether a lead in it counts as converted.
public struct LeadStatus: Hashable, Sendable, Codable {
    /// The status's name, for example `Working - Contacted`.
    public var name: String
    /// Whether a lead in this status has been converted.
    public var converted: Bool

    /// Creates a status.
    ///
    /// - Parameters:
    ///   - name: The status's name.
    ///   - converted: Whether it counts as converted.
    public init(name: String, converted: Bool = false) {
        self.name = name
        self.converted = converted
    }

    /// Reads a status; `converted` may be left out and is then `false`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            converted: try container.decodeIfPresent(Bool.self, forKey: .converted) ?? false
        )
    }
}
