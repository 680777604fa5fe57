public import RapportTime

/// What a decision may depend on besides the current state: when the change happens, who asks, and the
/// configuration in force.
public struct DecisionContext: Sendable {
    /// The business time of the change (the command's `occurredAt`, or now).
    public var occurredAt: Timestamp
    /// Who asks for the change.
    public var actor: String
    /// Stages, lead statuses and service targets in force.
    public var configuration: CRMConfiguration

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - occurredAt: The business time of the change.
    ///   - actor: Who asks for it.
    ///   - configuration: The configuration in force.
    public init(occurredAt: Timestamp, actor: String, configuration: CRMConfiguration = .standard) {
        self.occurredAt = occurredAt
        self.actor = actor
        self.configuration = configuration
    }
}
