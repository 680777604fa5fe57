import Synchronization

/// Appends submitted one after another without waiting for each to be durable, kept in order.
///
/// A producer that streams records (an importer, a pipe of JSON lines) submits each append as soon as it has it
/// and learns of its outcome later, so many appends share the writer's batches and syncs. The appends of a
/// session reach the writer in the order they were submitted, and they stay dependent: once one is refused or
/// fails, every later append of the session fails with code `session_failed` and is not written, exactly as
/// if the producer had waited for each append before submitting the next.
///
/// Submit from one task or thread at a time; the order of submission is the order in the log.
public final class AppendSession: Sendable {
    private let log: EventLog
    let state = State()

    /// Whether an append of the session failed, which fails every later one.
    final class State: Sendable {
        private let failed = Mutex(false)

        var hasFailed: Bool { failed.withLock { $0 } }

        func markFailed() {
            failed.withLock { $0 = true }
        }
    }

    init(log: EventLog) {
        self.log = log
    }

    /// Queues an append behind the session's earlier ones and returns at once.
    ///
    /// - Parameters:
    ///   - records: The records, appended atomically as one append.
    ///   - completion: Called once, on the log's writer thread, when the append is durable or has failed. The
    ///     successes of a session are reported in submission order; keep the call short, it holds up the writer.
    /// - Throws: ``LogError`` with code `invalid_record` or `append_too_large` (nothing was queued), `closed`, or
    ///   `session_failed` when an earlier append of the session already failed.
    public func submit(
        _ records: [ProposedRecord],
        completion: @escaping @Sendable (Result<AppendResult, LogError>) -> Void
    ) throws {
        guard !state.hasFailed else {
            throw LogError(.sessionFailed, "an earlier append of this session failed; nothing more is appended")
        }
        let state = state
        try log.enqueue(records, session: state) { result in
            if case .failure = result {
                state.markFailed()
            }
            completion(result)
        }
    }
}

extension EventLog {
    /// Starts a session of ordered, pipelined appends (see ``AppendSession``).
    ///
    /// - Returns: The session.
    /// - Throws: ``LogError`` with code `closed` when the log is open for reading only.
    public func appendSession() throws -> AppendSession {
        guard isWritable else {
            throw LogError(.closed, "the log at \(directory) is open for reading only")
        }
        return AppendSession(log: self)
    }
}
