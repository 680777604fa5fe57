import Synchronization

/// Counts a session's appends that are queued but not yet durable, keeps the first failure, and lets the
/// submitting task wait for room (at most `limit` in flight) or for every append to finish.
final class AppendsInFlight: Sendable {
    private struct State {
        var count = 0
        var firstFailure: RapportError?
        var waiting: [(room: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let limit: Int
    private let state = Mutex(State())

    /// Creates a counter.
    ///
    /// - Parameter limit: The most appends in flight at once.
    init(limit: Int) {
        self.limit = limit
    }

    /// The first append that failed, if any.
    var firstFailure: RapportError? { state.withLock { $0.firstFailure } }

    /// Notes an append about to be submitted.
    func started() {
        state.withLock { $0.count += 1 }
    }

    /// Notes the outcome an engine's bulk append completes with: see ``finished(failure:)``.
    ///
    /// - Parameter outcome: Durable, or why it failed.
    func finished(_ outcome: Result<Void, RapportError>) {
        switch outcome {
        case .success: finished(failure: nil)
        case .failure(let failure): finished(failure: failure)
        }
    }

    /// Notes an append's outcome, keeping the first failure, and wakes waiters that now have room.
    ///
    /// - Parameter failure: Why it failed, or `nil` when it is durable.
    func finished(failure: RapportError?) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.count -= 1
            if state.firstFailure == nil, let failure {
                state.firstFailure = failure
            }
            let count = state.count
            let ready = state.waiting.filter { count <= $0.room }.map(\.continuation)
            state.waiting.removeAll { count <= $0.room }
            return ready
        }
        woken.forEach { $0.resume() }
    }

    /// Waits until fewer than `limit` appends are in flight.
    func waitForRoom() async {
        await wait(until: limit - 1)
    }

    /// Waits until no append is in flight.
    func waitForAll() async {
        await wait(until: 0)
    }

    private func wait(until room: Int) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                guard state.count > room else { return true }
                state.waiting.append((room, continuation))
                return false
            }
            if ready {
                continuation.resume()
            }
        }
    }
}
