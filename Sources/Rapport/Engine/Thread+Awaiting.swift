import Foundation
import Synchronization

extension Thread {
    /// Runs long, blocking work on a thread of its own and suspends until it returns.
    ///
    /// Opening an engine reads a snapshot (hundreds of megabytes, seconds of work that blocks the thread it runs
    /// on) while the log opens. On a thread of the concurrency pool it would hold one of its few threads, and the
    /// work queued behind it (the key store's opening) would wait; on a thread of its own, the system shares the
    /// cores among all of them.
    ///
    /// - Parameters:
    ///   - name: The thread's name, as tools that list threads show it.
    ///   - body: The work.
    /// - Returns: What `body` returns.
    static func awaiting<Value: Sendable>(named name: String, _ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = name
            thread.start()
        }
    }

    /// Runs two pieces of blocking work at once, the first on a thread of its own and the second on the calling
    /// thread, and returns when both are done.
    ///
    /// - Parameters:
    ///   - name: The other thread's name.
    ///   - first: The work for the other thread.
    ///   - second: The work for the calling thread.
    /// - Returns: What each returns.
    static func both<First: Sendable, Second>(
        named name: String,
        _ first: @escaping @Sendable () -> First,
        _ second: () -> Second
    ) -> (First, Second) {
        let done = DispatchSemaphore(value: 0)
        let firstResult = Mutex<First?>(nil)
        let thread = Thread {
            let result = first()
            firstResult.withLock { $0 = result }
            done.signal()
        }
        thread.name = name
        thread.start()
        let secondResult = second()
        done.wait()
        return (firstResult.withLock { $0.take()! }, secondResult)
    }
}
