public import RapportCRM

/// Every read model the engine keeps, folded together in one pass over the log.
public struct ReadModels: Sendable, Hashable {
    /// The sales pipeline.
    public var pipeline = PipelineModel()
    /// The case backlog.
    public var backlog = BacklogModel()
    /// The account 360 view of every account.
    public var accounts = AccountsModel()
    /// The lead funnel and campaign results.
    public var funnel = FunnelModel()

    /// Empty read models: no event folded.
    public init() {}

    /// The name and version of every read model, in the order they are stored.
    public static let catalog: [(name: String, version: Int)] = [
        (PipelineModel.name, PipelineModel.version),
        (BacklogModel.name, BacklogModel.version),
        (AccountsModel.name, AccountsModel.version),
        (FunnelModel.name, FunnelModel.version),
    ]

    /// The names of every read model.
    public static var names: [String] { catalog.map(\.name) }

    /// Folds one event into every read model.
    ///
    /// - Parameter event: The event, in log order.
    public mutating func apply(_ event: RecordedEvent) {
        pipeline.apply(event)
        backlog.apply(event)
        accounts.apply(event)
        funnel.apply(event)
    }

    /// Folds one event into the named read models only (a rebuild of some of them).
    ///
    /// - Parameters:
    ///   - event: The event, in log order.
    ///   - names: The names of the read models to fold into.
    public mutating func apply(_ event: RecordedEvent, only names: Set<String>) {
        if names.contains(PipelineModel.name) { pipeline.apply(event) }
        if names.contains(BacklogModel.name) { backlog.apply(event) }
        if names.contains(AccountsModel.name) { accounts.apply(event) }
        if names.contains(FunnelModel.name) { funnel.apply(event) }
    }
}
