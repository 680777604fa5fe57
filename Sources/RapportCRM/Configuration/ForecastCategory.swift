/// Where an opportunity in a stage counts in the sales forecast, as in Salesforce.
public enum ForecastCategory: String, NamedChoice {
    case pipeline = "Pipeline"
    case bestCase = "Best Case"
    case commit = "Commit"
    case closed = "Closed"
    case omitted = "Omitted"

    /// Reads a category's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}
