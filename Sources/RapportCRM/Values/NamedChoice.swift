/// A field that takes one of a fixed set of names, such as a case priority or an activity's channel.
public protocol NamedChoice: CaseIterable, RawRepresentable, Codable, Sendable, Hashable
where RawValue == String {}

extension NamedChoice {
    /// Reads a name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Returns: The value.
    /// - Throws: ``DomainError`` `invalid_field` naming the field and the allowed names.
    public static func decodeChoice(from decoder: any Decoder) throws -> Self {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: name) else {
            let field = JSONPath(decoder.codingPath)
            let allowed = allCases.map(\.rawValue).joined(separator: ", ")
            throw DomainError(.invalidField, field: field, "\(field) must be one of \(allowed), not \"\(name)\"")
        }
        return value
    }
}
