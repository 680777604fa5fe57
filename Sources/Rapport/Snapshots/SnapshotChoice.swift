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

    /// The newest snapshot file, read whole before the log it must belong to is open, so that opening an engine
    /// reads it beside the log's own opening; ``newest(in:of:includeDecisions:models:readAhead:where:)`` then
    /// checks it against the log like any other.
    struct ReadAhead: Sendable {
        /// The file.
        var path: String
        /// Its header and snapshot, or why it does not read.
        var read: Result<(SnapshotHeader, Snapshot), any Error>
    }

    /// Reads the newest snapshot whose header reads and whose read models are this release's, without the log.
    ///
    /// - Parameters:
    ///   - store: The snapshot files.
    ///   - includeDecisions: Whether to read the decision state too.
    /// - Returns: The snapshot read, or `nil` when the newest file has no usable header or other read models.
    static func readAhead(in store: SnapshotStore, includeDecisions: Bool) -> ReadAhead? {
        guard let newest = store.listings().first, let header = newest.header,
            versionMismatch(of: header) == nil
        else { return nil }
        return ReadAhead(
            path: newest.path,
            read: Result { try store.read(at: newest.path, includeDecisions: includeDecisions) }
        )
    }

    /// Finds the newest snapshot that fits.
    ///
    /// - Parameters:
    ///   - store: The snapshot files.
    ///   - log: The log the snapshot must belong to.
    ///   - includeDecisions: Whether the decision state is needed too (opening) or only the models (a query).
    ///   - selection: The read models to decode; the others are left empty.
    ///   - readAhead: A snapshot file read already, used instead of reading that file again; it was read with
    ///     `includeDecisions` and every model.
    ///   - fits: Whether a header is usable for the purpose, e.g. not past a time window.
    /// - Returns: The choice.
    static func newest(
        in store: SnapshotStore,
        of log: EventLog,
        includeDecisions: Bool,
        models selection: ReadModels.Selection = .all,
        readAhead: consuming ReadAhead? = nil,
        where fits: (SnapshotHeader) -> Bool = { _ in true }
    ) -> SnapshotChoice {
        var choice = SnapshotChoice()
        var readAhead = readAhead
        for listing in store.listings() {
            // The file read ahead is judged by the header it was read with, in case it was replaced since.
            let early = listing.path == readAhead?.path ? readAhead.take()?.read : nil
            guard let header = (try? early?.get().0) ?? listing.header else {
                choice.skipped.append(Skipped(path: listing.path, reason: listing.problem ?? "unreadable header"))
                continue
            }
            guard fits(header) else { continue }
            if let reason = mismatch(of: header, with: log, includeDecisions: includeDecisions) {
                choice.skipped.append(Skipped(path: listing.path, reason: reason))
                continue
            }
            do {
                let (_, snapshot) =
                    try early?.get()
                    ?? store.read(at: listing.path, includeDecisions: includeDecisions, models: selection)
                choice.chosen = (listing.path, header, snapshot)
                return choice
            } catch {
                choice.skipped.append(Skipped(path: listing.path, reason: "\(error)"))
            }
        }
        return choice
    }

    /// Why a snapshot's read models are not this release's, or `nil` when they are.
    private static func versionMismatch(of header: SnapshotHeader) -> String? {
        var current: [String: Int] = [:]
        for entry in ReadModels.catalog { current[entry.name] = entry.version }
        guard header.modelVersions == current else {
            return
                "written by read model versions \(describe(header.modelVersions)); this release has \(describe(current))"
        }
        return nil
    }

    /// Why a snapshot can not be used with this log and release, or `nil` when it can.
    private static func mismatch(of header: SnapshotHeader, with log: EventLog, includeDecisions: Bool) -> String? {
        if let reason = versionMismatch(of: header) { return reason }
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
