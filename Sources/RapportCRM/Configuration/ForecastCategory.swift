/// Where an opportunity in a stage counts in the sales forecast, as in Salesforce.
public enum ForecastCategory: String, CaseIterable, Hashable, Sendable, Codable {
    case pipeline = "Pipeline"
    case bestCase = "Best Case"
    case commit = "Commit"
    case closed = "Closed"
    case omitted = "Omitted"
}
