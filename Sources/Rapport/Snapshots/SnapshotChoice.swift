import Foundation
import RapportLog
import RapportProjections

/// Picking a snapshot to start from: the newest one that fits, skipping (and saying why) any that is damaged,
/// written by other read model versions, or not of this log's history.
struct SnapshotChoice {
    /// A snapshot passed over and why.
    struct Skipped: Sendable, Hashable {
        /// The file.
        var path: String
        /// Why it was not used.
        var reason: String
    }

    /// The snapshot chosen, with its header and file, if any fits.
    var chosen: (path: String, header: SnapshotHeader, snapshot: Snapshot)?
    /// The snapshots passed over on the way, newest first.
    var skipped: [Skipped] = []

    /// Finds the newest snapshot that fits.
    ///
    /// - Parameters:
    ///   - store: The snapshot files.
    ///   - log: The log the snapshot must belong to.
    ///   - includeDecisions: Whether the decision state is needed too (opening) or only the models (a query).
    ///   - selection: The read models to decode; the others are left empty.
    ///   - fits: Whether a header is usable for the purpose, e.g. not past a time window.
    /// - Returns: The choice.
    static func newest(
        in store: SnapshotStore,
        of log: EventLog,
        includeDecisions: Bool,
        models selection: ReadModels.Selection = .all,
        where fits: (SnapshotHeader) -> Bool = { _ in true }
    ) -> SnapshotChoice {
        var choice = SnapshotChoice()
        for listing in store.listings() {
            guard let header = listing.header else {
                choice.skipped.append(Skipped(path: listing.path, reason: listing.problem ?? "unreadable header"))
                continue
            }
            guard fits(header) else { continue }
            if let reason = mismatch(of: header, with: log, includeDecisions: includeDecisions) {
                choice.skipped.append(Skipped(path: listing.path, reason: reason))
                continue
            }
            do {
                let (_, snapshot) = try store.read(
                    at: listing.path,
                    includeDecisions: includeDecisions,
                    models: selection
                )
                choice.chosen = (listing.path, header, snapshot)
                return choice
            } catch {
                choice.skipped.append(Skipped(path: listing.path, reason: "\(error)"))
            }
        }
        return choice
    }

    /// Why a snapshot can not be used with this log and release, or `nil` when it can.
    private static func mismatch(of header: SnapshotHeader, with log: EventLog, includeDecisions: Bool) -> String? {
        var current: [String: Int] = [:]
        for entry in ReadModels.catalog { current[entry.name] = entry.version }
        guard header.modelVersions == current else {
            return
                "written by read model versions \(describe(header.modelVersions)); this release has \(describe(current))"
        }
        var checks = [(header.models.position, header.modelsLastEventId)]
        if includeDecisions { checks.append((header.decisionsPosition, header.decisionsLastEventId)) }
        for (position, id) in checks where position > 0 {
            guard position <= log.endPosition else {
                return "it stands for \(position) events, the log holds \(log.endPosition)"
            }
            guard let id, let record = try? log.record(at: position - 1), record.id == id else {
                return "the log's event at position \(position - 1) is not the one the snapshot folded"
            }
        }
        return nil
    }

    private static func describe(_ versions: [String: Int]) -> String {
        versions.sorted { $0.key < $1.key }.map { "\($0.key) v\($0.value)" }.joined(separator: ", ")
    }
}
