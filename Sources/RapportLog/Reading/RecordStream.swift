import Synchronization

/// Records read forward from a position as an asynchronous sequence: up to the end (``EventLog/records(from:)``)
/// or on past it, waking whenever new records become durable (``EventLog/follow(from:)``).
public struct RecordStream: AsyncSequence, Sendable {
    public typealias Element = LogRecord

    let log: EventLog
    let start: UInt64
    let live: Bool

    /// Reads a chunk of records at a time, so a reader holds a bounded number in memory.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let log: EventLog
        let live: Bool
        var position: UInt64
        var buffered: [LogRecord] = []
        var index = 0

        private static let chunk = 1024

        /// The next record; `nil` at the end (or, when following, once the task is cancelled or the log closed).
        ///
        /// - Throws: ``LogError`` with code `corrupt_data` or `io_failure`.
        public mutating func next() async throws -> LogRecord? {
            while index == buffered.count {
                buffered = try log.read(from: position, limit: Self.chunk)
                index = 0
                if !buffered.isEmpty { break }
                guard live, !Task.isCancelled else { return nil }
                guard await log.waitForRecords(after: position) else { return nil }
            }
            let record = buffered[index]
            index += 1
            position = record.position + 1
            return record
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(log: log, live: live, position: start)
    }
}

extension EventLog {
    /// The records from a position to the end of the log as it is when the reading reaches it.
    ///
    /// - Parameter position: The first position (0 for the whole log).
    /// - Returns: The sequence.
    public func records(from position: UInt64 = 0) -> RecordStream {
        RecordStream(log: self, start: position, live: false)
    }

    /// The records from a position on, forever: after the last durable record the sequence waits, and wakes as
    /// soon as new records are durable. It ends when the task is cancelled or the log is closed.
    ///
    /// - Parameter position: The first position.
    /// - Returns: The sequence.
    public func follow(from position: UInt64 = 0) -> RecordStream {
        RecordStream(log: self, start: position, live: true)
    }

    /// Waits until the log holds a durable record at `position` (its end is past it).
    ///
    /// The writer wakes only the waiters whose position became durable, and resumes them after releasing the log's
    /// lock, so many live readers cost one resumption each per group commit and never wake early.
    ///
    /// - Parameter position: The position waited for.
    /// - Returns: `false` when the log closed or the task was cancelled first.
    public func waitForRecords(after position: UInt64) async -> Bool {
        let id = core.state.withLock { state -> UInt64 in
            state.nextWaiterId += 1
            return state.nextWaiterId
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = core.state.withLock { state -> Bool in
                    if state.endPosition > position || state.isClosed || Task.isCancelled {
                        return true
                    }
                    state.waiters[id] = LogState.Waiter(position: position, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = core.state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
        return core.state.withLock { state in state.endPosition > position } && !Task.isCancelled
    }
}
