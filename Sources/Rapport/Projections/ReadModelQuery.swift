import RapportCRM
import RapportLog
public import RapportProjections
import RapportTime

/// Read models over a time window, straight from a data directory's log and snapshots: what read-only tools use,
/// with no engine, no decision state and no lock on the directory, so they run beside a writer.
public enum ReadModelQuery {
    /// Answers from the read models of a data directory over a time window.
    ///
    /// - Parameters:
    ///   - window: The part of the history; ``TimeWindow/live`` for every durable event.
    ///   - directory: The data directory.
    ///   - selection: The read models `body` uses: only they are read from the snapshot and folded, and the others
    ///     are empty. A question about one model then costs that model, not all of them.
    ///   - notice: Receives a line for each snapshot skipped and why.
    ///   - body: Computes the answer from the models and the report context.
    /// - Returns: What `body` returns.
    /// - Throws: ``RapportError`` `log_failure` when the log cannot be opened or read, `unreadable_event`, or what
    ///   `body` throws.
    public static func answer<Result>(
        in window: TimeWindow,
        directory: String,
        models selection: ReadModels.Selection = .all,
        notice: @Sendable (String) -> Void = { _ in },
        _ body: (ReadModels, ReportContext) throws -> Result
    ) throws -> Result {
        let log: EventLog
        do {
            log = try LogOpening.forReading(directory: directory, streams: .notIndexed, notice: notice)
        } catch {
            throw RapportError(.logFailure, "cannot open the log at \(directory): \(error)", cause: error)
        }
        let store = SnapshotStore(dataDirectory: directory)
        let keys = try PersonalDataKeys.forReading(of: log).opening(only: selection.personalDataEventTypes)
        keys.startOpeningKeyStore()
        let projected = try models(
            in: window,
            of: log,
            snapshots: store,
            keys: keys,
            selection: selection,
            notice: notice
        )
        return try body(projected.models, context(for: window, projected.progress))
    }

    /// The read models folded over a window, from the newest snapshot whose models lie inside it, or from zero.
    ///
    /// A selection focused on one account (``RapportProjections/ReadModels/Selection/account(_:)``) reads and
    /// folds only what that account's report needs, and decodes only the events that may concern it. When an
    /// event moves onto the account a record the focused view does not hold (a merge, or a transfer), the view is
    /// folded again also holding the account the record comes from; that fold, when it meets such events too,
    /// goes on to the end to find every account they come from, so that one more fold holds them all. Past a few
    /// accounts, the whole view.
    static func models(
        in window: TimeWindow,
        of log: EventLog,
        snapshots: SnapshotStore,
        keys: PersonalDataKeys,
        selection: ReadModels.Selection = .all,
        notice: (String) -> Void
    ) throws -> ProjectedModels {
        var selection = selection
        var folded = try fold(window, log, snapshots, keys, selection, findingEverySource: false, notice: notice)
        while !folded.outOfFocusFrom.isEmpty {
            // The snapshots skipped were reported already.
            let focus = selection.accountFocus ?? []
            let widened = focus.union(folded.outOfFocusFrom)
            guard widened.count > focus.count, widened.count <= mostFocusedAccounts else {
                return try fold(window, log, snapshots, keys, selection.unfocused, findingEverySource: false) { _ in }
                    .models
            }
            selection = selection.holding(folded.outOfFocusFrom)
            folded = try fold(window, log, snapshots, keys, selection, findingEverySource: true) { _ in }
        }
        return folded.models
    }

    /// The most accounts a view is focused on before the whole view is folded instead: each fold that finds more
    /// costs another pass over the log after the snapshot.
    private static let mostFocusedAccounts = 8

    /// The read models folded over a window, and, when the selection is focused on some accounts and an event
    /// moved onto one of them a record of another account, that account: the fold then stops there, or, when
    /// `findingEverySource`, goes on only to look for more such accounts, so that one more fold can hold them all.
    private static func fold(
        _ window: TimeWindow,
        _ log: EventLog,
        _ snapshots: SnapshotStore,
        _ keys: PersonalDataKeys,
        _ selection: ReadModels.Selection,
        findingEverySource: Bool,
        notice: (String) -> Void
    ) throws -> (models: ProjectedModels, outOfFocusFrom: Set<RecordId>) {
        let focus = selection.accountFocus
        var choice = SnapshotChoice.newest(in: snapshots, of: log, includeDecisions: false, models: selection) {
            header in Self.window(window, admits: header.models)
        }
        for skipped in choice.skipped {
            notice("skipped snapshot \(skipped.path): \(skipped.reason)")
        }
        // Taken out of the choice, so that folding the events after the snapshot changes the models in place
        // instead of copying every dictionary it touches first.
        var projected = choice.chosen.take()?.snapshot.models ?? ProjectedModels()
        let foldedKinds = FoldedKinds(selection)
        guard let focus else {
            // The reading threads pick the records to fold; this one decodes and folds them.
            try EventReading.scan(log, from: projected.progress.position) { records in
                try FoldBatch.reading(records, in: window, kinds: foldedKinds) { records.mark(of: $0) }
            } _: { records, batch in
                for mark in batch.elements {
                    projected.fold(try EventReading.event(in: records.record(at: mark), keys: keys), only: selection)
                }
                if let last = batch.last {
                    projected.progress.advance(
                        position: last.position,
                        recordedAt: last.recordedAt,
                        occurredAt: last.latestIncluded ?? last.recordedAt,
                        folded: last.latestIncluded != nil
                    )
                }
                return !batch.endsWindow
            }
            return (projected, [])
        }
        var outOfFocusFrom = Set<RecordId>()
        try EventReading.scan(log, from: projected.progress.position, readingAhead: true) { view in
            let (position, recordedAt, occurredAt) = (view.position, view.recordedAt, view.occurredAt)
            if window.endsBefore(position: position, recordedAt: recordedAt) { return false }
            let included = window.includes(position: position, recordedAt: recordedAt, occurredAt: occurredAt)
            // An event no selected model folds is not decoded.
            if included, foldedKinds.include(view) {
                let source =
                    outOfFocusFrom.isEmpty
                    ? try projected.foldFocused(view, on: focus, keys: keys, only: selection)
                    : try projected.sourceOutOfFocus(view, on: focus)
                if let source { outOfFocusFrom.insert(source) }
                return outOfFocusFrom.isEmpty || findingEverySource
            }
            projected.progress.advance(
                position: position,
                recordedAt: recordedAt,
                occurredAt: occurredAt,
                folded: included
            )
            return true
        }
        return (projected, outOfFocusFrom)
    }

    /// Whether a snapshot's models, folded as `progress` says, hold only events inside `window`.
    static func window(_ window: TimeWindow, admits progress: FoldProgress) -> Bool {
        guard progress.position > 0 else { return true }
        if let at = window.at, progress.position - 1 > at { return false }
        if let knownAt = window.knownAt, let recorded = progress.lastRecordedAt, recorded > knownAt { return false }
        if let asOf = window.asOf, let occurred = progress.latestOccurredAt, occurred > asOf { return false }
        return true
    }

    /// The context of a report over a window: ages are measured at the window's business time, else its record
    /// time, else (for a position) the record time of the last event read, else now.
    static func context(for window: TimeWindow, _ progress: FoldProgress) -> ReportContext {
        let moment =
            window.asOf ?? window.knownAt ?? (window.at != nil ? progress.lastRecordedAt : nil) ?? Timestamp.now()
        return ReportContext(asOf: moment, position: progress.position)
    }
}
