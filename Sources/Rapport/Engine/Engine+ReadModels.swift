import RapportCRM
import RapportLog
public import RapportProjections
import RapportTime

extension Engine {
    /// Answers from the read models as they are in a time window: live (every durable event folded), or as of
    /// a position, a record time, a business time or a combination, folded from the nearest snapshot that fits
    /// (or from zero) up to the window's end.
    ///
    /// - Parameters:
    ///   - window: The part of the history.
    ///   - selection: The read models `body` uses. Outside the live window only they are read from a snapshot and
    ///     folded, and the others are empty; live, every model is there.
    ///   - body: Computes the answer from the models and the report context (the moment ages are measured at,
    ///     and the position reached).
    /// - Returns: What `body` returns.
    /// - Throws: ``RapportError`` `unreadable_event` or `log_failure`, or what `body` throws.
    public func withReadModels<Result>(
        in window: TimeWindow,
        models selection: ReadModels.Selection = .all,
        _ body: (ReadModels, ReportContext) throws -> Result
    ) throws -> Result {
        if window.isLive {
            try projections.catchUp(with: log)
            return try projections.withModels { projected in
                try body(projected.models, ReadModelQuery.context(for: window, projected.progress))
            }
        }
        let projected = try models(in: window, only: selection)
        return try body(projected.models, ReadModelQuery.context(for: window, projected.progress))
    }

    /// The read models folded over a time window, from the nearest snapshot that fits or from zero.
    ///
    /// - Parameters:
    ///   - window: The part of the history.
    ///   - selection: The read models to fold; the others are empty.
    /// - Returns: The models and how far they are folded.
    /// - Throws: ``RapportError`` `unreadable_event` or `log_failure`.
    public func models(in window: TimeWindow, only selection: ReadModels.Selection = .all) throws -> ProjectedModels {
        try ReadModelQuery.models(
            in: window,
            of: log,
            snapshots: snapshots,
            keys: readModelKeys,
            selection: selection,
            notice: options.notice
        )
    }

    /// Rebuilds read models from zero and puts them in place of the live ones.
    ///
    /// - Parameters:
    ///   - names: The read models to rebuild (every one by default).
    ///   - progress: Called now and then with the events folded so far and the total.
    /// - Returns: The number of events folded and the time it took.
    /// - Throws: ``RapportError`` `invalid_input` naming an unknown model, `unreadable_event` or `log_failure`.
    public func rebuild(
        models names: Set<String> = Set(ReadModels.names),
        progress: (UInt64, UInt64) -> Void = { _, _ in }
    ) throws -> (events: UInt64, duration: Duration) {
        if let unknown = names.subtracting(ReadModels.names).sorted().first {
            throw RapportError(
                .invalidInput,
                "model: \"\(unknown)\" is not a read model; the read models are \(ReadModels.names.joined(separator: ", "))"
            )
        }
        let clock = ContinuousClock()
        let start = clock.now
        let events = try projections.rebuild(names, with: log, progress: progress)
        return (events, clock.now - start)
    }
}
