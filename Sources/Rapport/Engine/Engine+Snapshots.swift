import Foundation
import RapportCRM
import RapportLog
import RapportTime
import Synchronization

extension Engine {
    /// Takes a snapshot now: the read models, the decision state and the command results, all at one position
    /// whose events are durable, and the log's index at the log's end then (at or just past that position),
    /// written atomically; older snapshots beyond ``EngineOptions/keptSnapshots`` are removed.
    ///
    /// The read models are copied before the decision state, so they are never ahead of it (they fold only
    /// durable events, and every durable event was decided); the events between the two are then folded into the
    /// copy, once durable.
    ///
    /// - Returns: The new snapshot's header.
    /// - Throws: ``RapportError`` `snapshot_failure` (nothing changes then), or `log_failure`.
    @discardableResult
    public func takeSnapshot() async throws -> SnapshotHeader {
        var models = projections.withModels { $0 }
        let (decisions, results, decisionsPosition) = withCore { ($0.decisions, $0.results, $0.nextPosition) }
        if decisionsPosition > 0 { _ = await log.waitForRecords(after: decisionsPosition - 1) }
        guard log.endPosition >= decisionsPosition else {
            throw RapportError(
                .snapshotFailure,
                "the log closed before the events up to \(decisionsPosition) were durable"
            )
        }
        let start = models.progress.position
        guard start <= decisionsPosition else {
            throw RapportError(
                .snapshotFailure,
                "the read models reached \(start) before the decision state's \(decisionsPosition)"
            )
        }
        try EventReading.scan(log, from: start, limit: decisionsPosition - start) { view in
            models.fold(try EventReading.event(in: view, keys: readModelKeys))
            return true
        }
        let index: LogCheckpoint
        do {
            index = try log.checkpoint()
        } catch {
            throw RapportError(.snapshotFailure, "cannot take the log's index: \(error)", cause: error)
        }
        let snapshot = Snapshot(
            models: models,
            decisions: decisions,
            results: results,
            decisionsPosition: decisionsPosition
        )
        let (header, parts) = await SnapshotFile.encode(
            snapshot,
            index: index.encoded(),
            modelsLastEventId: try lastEventId(before: models.progress.position),
            decisionsLastEventId: try lastEventId(before: decisionsPosition),
            createdAt: Timestamp.now()
        )
        let path = try snapshots.write(header: header, parts: parts)
        lastSnapshotPosition.withLock { $0 = max($0, header.position) }
        snapshots.prune(keep: max(1, options.keptSnapshots))
        options.notice("snapshot \(path) at position \(header.position)")
        return header
    }

    /// The snapshots of the data directory, newest first, with the problem of any that does not read.
    ///
    /// - Returns: Each file with its header or its problem.
    public func snapshotListings() -> [(path: String, header: SnapshotHeader?, problem: String?)] {
        snapshots.listings().map { ($0.path, $0.header, $0.problem) }
    }

    private func lastEventId(before position: UInt64) throws -> UUID? {
        guard position > 0 else { return nil }
        do {
            return try log.record(at: position - 1).id
        } catch {
            throw RapportError(.logFailure, "cannot read the event at \(position - 1): \(error)", cause: error)
        }
    }
}
