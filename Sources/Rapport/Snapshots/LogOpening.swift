public import RapportLog

/// Opening a data directory's log from the copy of its index that the newest snapshot holds, so that only the
/// batches after the snapshot are read instead of every batch of the log.
///
/// The log checks the copy against its own batches before using it (see ``RapportLog/LogCheckpoint``) and reads
/// every batch when it does not fit: a snapshot makes opening faster, never a stream's records different.
public enum LogOpening {
    /// Opens a data directory's log for reading only, without the writer lock, from the newest snapshot's index.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - streams: ``RapportLog/StreamIndexing/notIndexed`` for a log read by position only, which then passes
    ///     over the snapshot's stream index: most of the work of opening a large log.
    ///   - notice: Receives a line for each snapshot index that was damaged or did not fit the log.
    /// - Returns: The log as it stands now.
    /// - Throws: ``RapportLog/LogError`` as ``RapportLog/EventLog/openForReading(directory:streams:)`` throws it.
    public static func forReading(
        directory: String,
        streams: StreamIndexing = .indexed,
        notice: (String) -> Void = { _ in }
    ) throws -> EventLog {
        let newest = newestIndex(in: SnapshotStore(dataDirectory: directory), streams: streams, notice: notice)
        let log = try EventLog.openForReading(directory: directory, checkpoint: newest?.checkpoint, streams: streams)
        report(log, from: newest?.path, notice: notice)
        return log
    }

    /// Opens a data directory's log for writing, from the newest snapshot's index, read once the directory is
    /// locked.
    ///
    /// - Parameters:
    ///   - directory: The data directory (created when missing).
    ///   - options: The log's settings.
    ///   - store: The directory's snapshots.
    ///   - notice: Receives a line for each snapshot index that was damaged or did not fit the log.
    ///   - onceLocked: Called once the directory is locked, before the index is read, to start work that only
    ///     the directory's writer may do.
    /// - Returns: The open log.
    /// - Throws: ``RapportLog/LogError`` as ``RapportLog/EventLog/open(directory:options:)`` throws it.
    static func forWriting(
        directory: String,
        options: LogOptions,
        store: SnapshotStore,
        notice: (String) -> Void,
        onceLocked: () -> Void = {}
    ) throws -> EventLog {
        var newest: (path: String, checkpoint: LogCheckpoint)?
        let log = try EventLog.open(directory: directory, options: options) {
            onceLocked()
            newest = newestIndex(in: store, notice: notice)
            return newest?.checkpoint
        }
        report(log, from: newest?.path, notice: notice)
        return log
    }

    /// The index of the newest snapshot that has one that reads; older snapshots (format 1) have none.
    ///
    /// - Parameters:
    ///   - store: The snapshots.
    ///   - streams: Whether to read the stream index or pass over it.
    ///   - notice: Receives a line for each index that is damaged.
    /// - Returns: The checkpoint and its file, or `nil` when no snapshot has a usable one.
    static func newestIndex(
        in store: SnapshotStore,
        streams: StreamIndexing = .indexed,
        notice: (String) -> Void
    ) -> (path: String, checkpoint: LogCheckpoint)? {
        for listing in store.listings() where listing.header != nil {
            do {
                guard let checkpoint = try store.readIndex(at: listing.path, streams: streams) else { continue }
                return (listing.path, checkpoint)
            } catch {
                notice("the log's index in snapshot \(listing.path) is not used: \(error)")
            }
        }
        return nil
    }

    private static func report(_ log: EventLog, from path: String?, notice: (String) -> Void) {
        guard let path, let reason = log.recoveryReport.rejectedCheckpoint else { return }
        notice("the log's index in snapshot \(path) does not fit the log, which was read whole: \(reason)")
    }
}
