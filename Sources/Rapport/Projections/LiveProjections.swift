import Foundation
import RapportCRM
import RapportLog
import RapportProjections
import Synchronization

/// The engine's read models, folded forward from the log as events become durable.
///
/// The log is their only input: a model here folds exactly the events a rebuild from zero would, in the same
/// order, which is what keeps live answers, rebuilds and snapshots identical.
final class LiveProjections: Sendable {
    private let state: Mutex<ProjectedModels>
    private let keys: PersonalDataKeys

    /// Starts from read models already folded up to some position.
    ///
    /// - Parameters:
    ///   - models: The read models.
    ///   - keys: The keys that open the events' personal values.
    init(_ models: ProjectedModels, keys: PersonalDataKeys) {
        state = Mutex(models)
        self.keys = keys
    }

    /// How far the read models are folded.
    var progress: FoldProgress { state.withLock { $0.progress } }

    /// Folds every durable event not folded yet.
    ///
    /// - Parameter log: The log.
    /// - Returns: How far the models are folded now.
    /// - Throws: ``RapportError`` `unreadable_event` or `log_failure`.
    @discardableResult
    func catchUp(with log: EventLog) throws -> FoldProgress {
        try state.withLock { projected in
            try Self.foldDurableEvents(of: log, into: &projected, keys: keys)
            return projected.progress
        }
    }

    /// Runs `body` with the read models, which do not change meanwhile.
    ///
    /// - Parameter body: Reads the models.
    /// - Returns: What `body` returns.
    func withModels<Result>(_ body: (ProjectedModels) throws -> Result) rethrows -> Result {
        try state.withLock { try body($0) }
    }
}

extension LiveProjections {
    /// Folds the named read models again from zero, up to the end of the log, and puts them in place; the
    /// other models stay as they are. Live folding waits meanwhile.
    ///
    /// - Parameters:
    ///   - names: The read models to rebuild.
    ///   - log: The log.
    ///   - progress: Called now and then with the events folded so far and the total.
    /// - Returns: The number of events folded.
    /// - Throws: ``RapportError`` `unreadable_event` or `log_failure`; the live models are unchanged then.
    func rebuild(
        _ names: Set<String>,
        with log: EventLog,
        progress: (UInt64, UInt64) -> Void
    ) throws -> UInt64 {
        let (folded, replaced) = try state.withLock { live in
            try Self.foldDurableEvents(of: log, into: &live, keys: keys)
            let total = live.progress.position
            let selection = ReadModels.Selection(names)
            let foldedKinds = FoldedKinds(selection)
            var rebuilt = ReadModels()
            rebuilt.reserveCapacity(like: live.models, only: selection)
            var folded: UInt64 = 0
            progress(0, total)
            // The events are decoded on the reading threads; this one only folds them.
            try EventReading.scan(log) { [keys] records in
                try FoldBatch.reading(records, upTo: total, kinds: foldedKinds) {
                    try EventReading.event(in: $0, keys: keys)
                }
            } _: { _, batch in
                for event in batch.elements { rebuilt.apply(event, only: selection) }
                if let last = batch.last {
                    let before = folded
                    folded = last.position + 1
                    if folded / 65_536 != before / 65_536 { progress(folded, total) }
                }
                return !batch.endsWindow
            }
            progress(folded, total)
            let replaced = live.models
            live.models.replace(selection, from: rebuilt)
            return (folded, replaced)
        }
        Self.free(replaced)
        return folded
    }

    /// Frees read models on a thread of their own: a view of millions of records takes a fraction of a second to
    /// free, which neither the caller nor live folding need wait for.
    private static func free(_ models: ReadModels) {
        Thread.detachNewThread { [models] in withExtendedLifetime(models) {} }
    }

    /// Folds into `projected` every durable event it has not folded yet.
    private static func foldDurableEvents(
        of log: EventLog,
        into projected: inout ProjectedModels,
        keys: PersonalDataKeys
    ) throws {
        guard projected.progress.position < log.endPosition else { return }
        try EventReading.scan(log, from: projected.progress.position) { view in
            projected.fold(try EventReading.event(in: view, keys: keys))
            return true
        }
    }
}
