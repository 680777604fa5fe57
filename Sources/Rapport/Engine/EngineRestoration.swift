import RapportCRM
import RapportLog

/// The engine's state brought up to the end of the log: from the newest usable snapshot and the events after
/// it, or from the whole log when no snapshot fits.
struct EngineRestoration {
    /// The decision state and command results.
    var core: EngineCore
    /// The read models.
    var models: ProjectedModels
    /// What was used and skipped.
    var report: OpeningReport

    /// Restores the state of a log from the newest snapshot that fits it.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - store: The data directory's snapshots.
    ///   - keys: The keys that open the events' personal values.
    /// - Returns: The state at the log's end.
    /// - Throws: ``RapportError`` `unreadable_event`, `key_store_failure` or `log_failure`.
    static func restore(
        _ log: EventLog,
        from store: SnapshotStore,
        keys: PersonalDataKeys
    ) throws -> EngineRestoration {
        try restore(log, from: SnapshotChoice.newest(in: store, of: log, includeDecisions: true), keys: keys)
    }

    /// Restores the state of a log from a snapshot chosen for it, with its decision state.
    ///
    /// The choice is consumed and its snapshot taken out of it, so that the restored state is the only holder of
    /// its storage: folding the events after the snapshot then changes it in place instead of copying every
    /// dictionary it touches first.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - choice: The snapshot to start from, and those passed over.
    ///   - keys: The keys that open the events' personal values.
    /// - Returns: The state at the log's end.
    /// - Throws: ``RapportError`` `unreadable_event`, `key_store_failure` or `log_failure`.
    static func restore(
        _ log: EventLog,
        from choice: consuming SnapshotChoice,
        keys: PersonalDataKeys
    ) throws -> EngineRestoration {
        var report = OpeningReport(
            skippedSnapshots: choice.skipped.map { OpeningReport.SkippedSnapshot(path: $0.path, reason: $0.reason) }
        )
        var core = EngineCore()
        var models = ProjectedModels()
        if let chosen = choice.chosen.take() {
            core.decisions = chosen.snapshot.decisions
            core.results = chosen.snapshot.results
            core.nextPosition = chosen.snapshot.decisionsPosition
            models = chosen.snapshot.models
            report.snapshotPath = chosen.path
            report.snapshotPosition = chosen.header.position
        }
        let start = min(core.nextPosition, models.progress.position)
        // The events are decoded on the reading threads; this one only folds them.
        try EventReading.forEachEvent(in: log, from: start, keys: keys, where: { _ in true }) { event in
            if event.position >= core.nextPosition { try core.fold(event) }
            if event.position >= models.progress.position { models.fold(event) }
            report.replayedEvents += 1
        }
        core.nextPosition = log.endPosition
        return EngineRestoration(core: core, models: models, report: report)
    }
}
