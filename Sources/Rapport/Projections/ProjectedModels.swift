import RapportCRM
public import RapportProjections

/// Read models with how far into the log they are folded.
public struct ProjectedModels: Sendable, Hashable {
    /// The read models.
    public var models = ReadModels()
    /// How far they are folded.
    public var progress = FoldProgress()

    /// Read models before any event.
    public init() {}

    /// Creates folded read models.
    ///
    /// - Parameters:
    ///   - models: The read models.
    ///   - progress: How far they are folded.
    public init(models: ReadModels, progress: FoldProgress) {
        self.models = models
        self.progress = progress
    }

    /// Folds the next event of the log.
    ///
    /// - Parameters:
    ///   - event: The event at ``FoldProgress/position``.
    ///   - selection: The read models to fold into; every one unless given.
    mutating func fold(_ event: RecordedEvent, only selection: ReadModels.Selection = .all) {
        models.apply(event, only: selection)
        progress.advance(past: event)
    }
}
