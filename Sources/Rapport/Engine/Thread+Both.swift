import Foundation
import Synchronization

extension Thread {
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
