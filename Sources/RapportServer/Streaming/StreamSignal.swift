import Synchronization

/// What wakes one event stream's writing loop: new durable records, a heartbeat falling due, the server shutting
/// down, or its task being cancelled.
///
/// Rings are remembered until the loop takes them, so a ring that comes while the loop is busy writing is not lost,
/// and many rings while busy cost one wake-up.
final class StreamSignal: Sendable {
    /// Why the loop was woken.
    struct Reasons: OptionSet, Sendable, Hashable {
        let rawValue: UInt8

        /// New records are durable.
        static let records = Reasons(rawValue: 1)
        /// Nothing was written for a heartbeat's interval.
        static let heartbeat = Reasons(rawValue: 2)
        /// The server is shutting down, or can no longer follow the log.
        static let shutdown = Reasons(rawValue: 4)
        /// The loop's task was cancelled.
        static let cancelled = Reasons(rawValue: 8)

        /// Whether these reasons end the stream: the server's shutdown or the task's cancellation.
        var endStream: Bool {
            !isDisjoint(with: [.shutdown, .cancelled])
        }
    }

    private struct State {
        var pending: Reasons = []
        var waiter: CheckedContinuation<Reasons, Never>?
        var lastWrite = ContinuousClock.now
    }

    private let state = Mutex(State())

    /// Wakes the loop, or leaves the reasons for its next wait.
    ///
    /// - Parameter reasons: Why.
    func ring(_ reasons: Reasons) {
        let woken = state.withLock { state -> (CheckedContinuation<Reasons, Never>, Reasons)? in
            state.pending.formUnion(reasons)
            guard let waiter = state.waiter else { return nil }
            state.waiter = nil
            defer { state.pending = [] }
            return (waiter, state.pending)
        }
        if let (waiter, reasons) = woken {
            waiter.resume(returning: reasons)
        }
    }

    /// Takes the reasons rung since the last wait without waiting.
    ///
    /// - Returns: The reasons; empty when none.
    func take() -> Reasons {
        state.withLock { state in
            defer { state.pending = [] }
            return state.pending
        }
    }

    /// Whether the server's shutdown or the task's cancellation was rung and not yet taken.
    var isEnding: Bool {
        state.withLock { $0.pending.endStream }
    }

    /// Waits until rung; returns at once when rung since the last wait.
    ///
    /// - Returns: Every reason rung since the last wait.
    func wait() async -> Reasons {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Reasons, Never>) in
                let ready = state.withLock { state -> Reasons? in
                    if Task.isCancelled {
                        state.pending.insert(.cancelled)
                    }
                    guard state.pending.isEmpty else {
                        defer { state.pending = [] }
                        return state.pending
                    }
                    state.waiter = continuation
                    return nil
                }
                if let ready {
                    continuation.resume(returning: ready)
                }
            }
        } onCancel: {
            ring(.cancelled)
        }
    }

    /// When the loop last wrote to its client.
    var lastWrite: ContinuousClock.Instant { state.withLock { $0.lastWrite } }

    /// Notes that the loop just wrote to its client, which puts the next heartbeat off.
    func wrote() {
        let now = ContinuousClock.now
        state.withLock { $0.lastWrite = now }
    }
}
