/// What kind of request a case is.
public enum CaseType: String, NamedChoice, BinaryNamedValue {
    case problem = "Problem"
    case question = "Question"
    case featureRequest = "Feature Request"

    /// Reads a type's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}
