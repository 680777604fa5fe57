import Foundation
import Synchronization

/// Blocking work started on a thread of its own at some moment, and awaited later by one caller.
///
/// Opening an engine reads the newest snapshot (seconds of work that blocks the thread it runs on) once the data
/// directory is locked, while the log opens. On a thread of the concurrency pool it would hold one of its few
/// threads, and the work queued behind it (the key store's opening) would wait; on a thread of its own, the system
/// shares the cores among all of them.
final class ThreadWork<Value: Sendable>: Sendable {
    private enum State {
        case notStarted
        case running
        case awaited(CheckedContinuation<Value?, Never>)
        case finished(Value)
        case handedOver
    }

    private let name: String
    private let state = Mutex<State>(.notStarted)

    /// Work not started yet.
    ///
    /// - Parameter name: The thread's name, as tools that list threads show it.
    init(named name: String) {
        self.name = name
    }

    /// Starts the work on a thread of its own; the first call only.
    ///
    /// - Parameter body: The work.
    func start(_ body: @escaping @Sendable () -> Value) {
        let starts = state.withLock { state in
            guard case .notStarted = state else { return false }
            state = .running
            return true
        }
        guard starts else { return }
        let thread = Thread { [self] in finish(with: body()) }
        thread.name = name
        thread.start()
    }

    /// What the work returned, once it has: handed over rather than copied, so that the caller holds the only
    /// reference to its storage. `nil` when the work was never started.
    ///
    /// - Returns: The value, or `nil`.
    func value() async -> Value? {
        await withCheckedContinuation { continuation in
            let ready: Value?? = state.withLock { state in
                switch state {
                case .notStarted:
                    return .some(nil)
                case .running:
                    state = .awaited(continuation)
                    return nil
                case .finished(let value):
                    state = .handedOver
                    return .some(value)
                case .awaited, .handedOver:
                    preconditionFailure("the work of thread \(name) was awaited twice")
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func finish(with value: Value) {
        let waiting = state.withLock { state -> CheckedContinuation<Value?, Never>? in
            guard case .awaited(let continuation) = state else {
                state = .finished(value)
                return nil
            }
            state = .handedOver
            return continuation
        }
        waiting?.resume(returning: value)
    }
}
