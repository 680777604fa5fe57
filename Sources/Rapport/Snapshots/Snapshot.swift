public import RapportCRM

/// Everything a snapshot restores: the read models, the decision state and the results of commands by id, each
/// with how far into the log it is folded.
public struct Snapshot: Sendable {
    /// The read models and their progress.
    public var models: ProjectedModels
    /// The decision state.
    public var decisions: DecisionState
    /// The results of commands by `commandId`, for idempotency.
    public var results: CommandResults
    /// The number of events folded into ``decisions`` and ``results``.
    public var decisionsPosition: UInt64

    /// Creates a snapshot's content.
    ///
    /// - Parameters:
    ///   - models: The read models and their progress.
    ///   - decisions: The decision state.
    ///   - results: The results of commands by id.
    ///   - decisionsPosition: The number of events folded into the decision state.
    public init(
        models: ProjectedModels,
        decisions: DecisionState,
        results: CommandResults,
        decisionsPosition: UInt64
    ) {
        self.models = models
        self.decisions = decisions
        self.results = results
        self.decisionsPosition = decisionsPosition
    }
}
