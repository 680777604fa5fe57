/// How urgent a task is, as in Salesforce.
public enum TaskPriority: String, NamedChoice, BinaryNamedValue {
    case high = "High"
    case normal = "Normal"
    case low = "Low"

    /// Reads a priority's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}
