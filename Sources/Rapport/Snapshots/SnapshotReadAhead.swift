import Dispatch
import RapportProjections
import Synchronization

/// The newest snapshot, decoded on another thread while the log opens.
///
/// Opening a large log reads its stream index first, and only then can a snapshot be checked against the log.
/// Decoding the snapshot does not need the log, so it starts at once and the check comes after: both cores work
/// from the start. Only a snapshot whose header reads and whose read model versions are this release's is read
/// ahead; should the log then show that it does not fit, the decoded state is dropped and the choice goes on to
/// older snapshots as it would have.
final class SnapshotReadAhead: Sendable {
    /// The file being read.
    let path: String
    private let done = DispatchGroup()
    private let outcome = Mutex<Result<(SnapshotHeader, Snapshot), any Error>?>(nil)

    private init(path: String) {
        self.path = path
    }

    /// Starts reading the newest snapshot with its decision state, when one may fit.
    ///
    /// - Parameter store: The data directory's snapshots.
    /// - Returns: The read under way, or `nil` when no snapshot's header is worth reading ahead.
    static func start(in store: SnapshotStore) -> SnapshotReadAhead? {
        guard let newest = store.listings().first, let header = newest.header,
            SnapshotChoice.versionMismatch(of: header) == nil
        else { return nil }
        let readAhead = SnapshotReadAhead(path: newest.path)
        readAhead.done.enter()
        DispatchQueue.global().async {
            let read = Result { try store.read(at: newest.path, includeDecisions: true) }
            readAhead.outcome.withLock { $0 = read }
            readAhead.done.leave()
        }
        return readAhead
    }

    /// Waits for the read to end and takes what it read, which this object then no longer holds: a second
    /// reference would make the first change to the state copy it whole.
    ///
    /// - Returns: The header and the snapshot.
    /// - Throws: What reading the file threw, a ``RapportError`` `snapshot_failure`, or that it was taken already.
    func take() throws -> (SnapshotHeader, Snapshot) {
        done.wait()
        guard let outcome = outcome.withLock({ $0.take() }) else {
            throw RapportError(.snapshotFailure, "snapshot \(path) was taken from its read ahead already")
        }
        return try outcome.get()
    }
}
