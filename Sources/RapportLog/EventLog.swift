import Foundation
import Synchronization

/// An append-only, segmented, LZ4-compressed log of records, stored in one data directory.
///
/// Open it for writing with ``open(directory:options:)`` (one writer per directory) or for reading only with
/// ``openForReading(directory:)``. Appends are atomic across streams, checked against expected versions,
/// and acknowledged once durable under the chosen ``Durability``. Reads run concurrently with the writer.
/// Call ``close()`` when done writing.
public final class EventLog: Sendable {
    let core: LogCore
    private let queue: AppendQueue?
    private let closing: Mutex<ClosingState>

    private struct ClosingState {
        var writerFinished: Bool
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// What opening found and repaired.
    public let recoveryReport: RecoveryReport

    private init(core: LogCore, queue: AppendQueue?, recoveryReport: RecoveryReport) {
        self.core = core
        self.queue = queue
        self.recoveryReport = recoveryReport
        self.closing = Mutex(ClosingState(writerFinished: queue == nil))
    }

    deinit {
        queue?.stop()
    }

    /// Opens (creating when needed) a data directory for writing.
    ///
    /// Takes the directory's writer lock, checks the sealed segments' footers and links, scans the unsealed
    /// tail and truncates a torn or corrupt end (see ``recoveryReport``), and rebuilds missing indexes.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - options: Durability, segment size and batching.
    /// - Returns: The open log.
    /// - Throws: ``LogError`` with code `directory_locked` when another writer has it, `directory_unavailable`,
    ///   `io_failure`, or `corrupt_data` when a sealed segment is damaged.
    public static func open(directory: String, options: LogOptions = LogOptions()) throws -> EventLog {
        try open(directory: directory, options: options, checkpoint: nil)
    }

    /// Opens (creating when needed) a data directory for writing, taking the stream index and the segments'
    /// states up to a checkpoint's position from it when it still fits the log (see ``LogCheckpoint``).
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - options: Durability, segment size and batching.
    ///   - checkpoint: The log's index state up to a position, from ``checkpoint()``; `nil` to read every batch.
    /// - Returns: The open log; ``recoveryReport`` says whether the checkpoint was used or why not.
    /// - Throws: What ``open(directory:options:)`` throws.
    package static func open(
        directory: String,
        options: LogOptions = LogOptions(),
        checkpoint: LogCheckpoint?
    ) throws -> EventLog {
        try open(directory: directory, options: options, checkpointOnceLocked: { checkpoint })
    }

    /// Opens (creating when needed) a data directory for writing, from a checkpoint read only once the directory
    /// is locked: a directory another writer holds is refused without the work of reading one.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - options: Durability, segment size and batching.
    ///   - checkpointOnceLocked: Gives the checkpoint, or `nil` to read every batch; called once the directory is
    ///     locked, on the calling thread.
    /// - Returns: The open log; ``recoveryReport`` says whether the checkpoint was used or why not.
    /// - Throws: What ``open(directory:options:)`` throws.
    package static func open(
        directory: String,
        options: LogOptions = LogOptions(),
        checkpointOnceLocked: () -> LogCheckpoint?
    ) throws -> EventLog {
        let dataDirectory = DataDirectory(path: directory)
        try dataDirectory.create()
        let lock = try DirectoryLock(directory: directory)
        let opened = try LogOpener(directory: dataDirectory, options: options, writable: true)
            .open(checkpoint: checkpointOnceLocked())
        guard let active = opened.active else {
            throw LogError(.ioFailure, "no active segment could be prepared in \(directory)")
        }
        let core = LogCore(directory: dataDirectory, options: options, state: state(of: opened))
        let queue = AppendQueue()
        let log = EventLog(core: core, queue: queue, recoveryReport: opened.report)
        let writer = LogWriter(
            core: core,
            queue: queue,
            lock: lock,
            active: active,
            lastRecordedAt: opened.lastRecordedAt,
            finished: { [weak log] in log?.writerFinished() }
        )
        writer.start()
        return log
    }

    /// Opens a data directory for reading only, without the writer lock, while a writer may be running.
    ///
    /// Nothing is repaired: a torn tail is left for the writer and simply not read.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - streams: ``StreamIndexing/notIndexed`` for a log read by position only, which opens faster.
    /// - Returns: The log as it stands now.
    /// - Throws: ``LogError`` with code `directory_unavailable`, `io_failure` or `corrupt_data`.
    public static func openForReading(directory: String, streams: StreamIndexing = .indexed) throws -> EventLog {
        try openForReading(directory: directory, checkpoint: nil, streams: streams)
    }

    /// Opens a data directory for reading only, taking the stream index and the segments' states up to a
    /// checkpoint's position from it when it still fits the log (see ``LogCheckpoint``).
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - checkpoint: The log's index state up to a position, from ``checkpoint()``; `nil` to read every batch. It
    ///     is used only when it was decoded with the same `streams`.
    ///   - streams: ``StreamIndexing/notIndexed`` for a log read by position only.
    /// - Returns: The log as it stands now; ``recoveryReport`` says whether the checkpoint was used or why not.
    /// - Throws: What ``openForReading(directory:streams:)`` throws.
    package static func openForReading(
        directory: String,
        checkpoint: LogCheckpoint?,
        streams: StreamIndexing = .indexed
    ) throws -> EventLog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LogError(.directoryUnavailable, "data directory \(directory) does not exist or is not a directory")
        }
        let dataDirectory = DataDirectory(path: directory)
        let opened = try LogOpener(directory: dataDirectory, options: LogOptions(), writable: false, streams: streams)
            .open(checkpoint: checkpoint)
        let core = LogCore(directory: dataDirectory, options: LogOptions(), state: state(of: opened))
        return EventLog(core: core, queue: nil, recoveryReport: opened.report)
    }

    private static func state(of opened: LogOpener.Opened) -> LogState {
        LogState(
            segments: opened.segments,
            streams: opened.streams,
            endPosition: opened.endPosition,
            headHash: opened.lastBatchHash
        )
    }

    /// The data directory's path.
    public var directory: String { core.directory.path }

    /// The position the next record will get, which is also the number of records.
    public var endPosition: UInt64 { core.state.withLock { $0.endPosition } }

    /// The hash of the last batch: the head of the log's hash chain.
    public var headHash: ChainHash { core.state.withLock { $0.headHash } }

    /// Whether the log keeps its stream index: always for a writer, and for a reader unless it was opened with
    /// ``StreamIndexing/notIndexed``.
    public var streamIndexing: StreamIndexing { core.state.withLock { $0.streams.indexing } }

    /// The number of streams; a log opened with ``StreamIndexing/notIndexed`` must not be asked.
    public var streamCount: Int { core.state.withLock { $0.indexedStreams.count } }

    /// A stream's version: the number of its records (0 when it does not exist). A log opened with
    /// ``StreamIndexing/notIndexed`` must not be asked.
    ///
    /// - Parameter streamId: The stream.
    /// - Returns: Its version.
    public func version(of streamId: String) -> UInt64 {
        core.state.withLock { $0.indexedStreams.version(of: streamId) }
    }

    /// Appends records, for one or several streams, as one atomic unit.
    ///
    /// Each record's expected version is checked, under the writer, against its stream's version plus the
    /// records of the same stream earlier in this append. If any check fails nothing is written. Concurrent
    /// appends share one write and one sync (group commit).
    ///
    /// - Parameter records: The records, in the order they get positions.
    /// - Returns: Their positions and stream versions, once durable.
    /// - Throws: ``LogError`` with code `wrong_expected_version` (with ``LogError/currentVersion``),
    ///   `invalid_record`, `append_too_large`, `io_failure`, `writer_failed` or `closed`.
    public func append(_ records: [ProposedRecord]) async throws -> AppendResult {
        try await withCheckedThrowingContinuation { continuation in
            do {
                try enqueue(records, session: nil) { result in
                    continuation.resume(with: result.mapError { $0 as any Error })
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// Whether the log was opened for writing (it may since have been closed).
    var isWritable: Bool { queue != nil }

    /// Validates an append and queues it for the writer.
    ///
    /// - Parameters:
    ///   - records: The append's records.
    ///   - session: The session it belongs to, if any.
    ///   - completion: Called once, on the writer's thread, with the outcome.
    /// - Throws: ``LogError`` with code `invalid_record`, `append_too_large` or `closed`; nothing was queued.
    func enqueue(
        _ records: [ProposedRecord],
        session: AppendSession.State?,
        completion: @escaping @Sendable (Result<AppendResult, LogError>) -> Void
    ) throws {
        guard let queue else {
            throw LogError(.closed, "the log at \(directory) is open for reading only")
        }
        let size = try RecordValidation.check(records, maximumSize: core.options.maximumAppendSize)
        let pending = PendingAppend(
            heads: records.map(PendingAppend.Head.init(of:)),
            encoded: RecordEncoder.encodeAwaitingWriter(records, size: size),
            session: session,
            complete: completion
        )
        guard queue.submit(pending) else {
            throw LogError(.closed, "the log at \(directory) is closed")
        }
    }

    /// Finishes queued appends, syncs, and releases the writer lock. Reading stays possible.
    public func close() async {
        guard let queue else { return }
        await withCheckedContinuation { continuation in
            let finished = closing.withLock { state in
                if !state.writerFinished {
                    state.waiters.append(continuation)
                }
                return state.writerFinished
            }
            if finished {
                continuation.resume()
            } else {
                queue.stop()
            }
        }
    }

    private func writerFinished() {
        let waiters = closing.withLock { state in
            state.writerFinished = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }
}
