import Foundation

/// The hand-over between appenders and the writer thread.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is locked.
final class AppendQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [PendingAppend] = []
    private var stopping = false

    /// Queues an append and wakes the writer.
    ///
    /// - Parameter append: The append.
    /// - Returns: `false` when the log is closing and the append was not queued.
    func submit(_ append: PendingAppend) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else { return false }
        pending.append(append)
        condition.signal()
        return true
    }

    /// Asks the writer to finish what is queued and stop.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    /// What the writer got from ``take(maximumBytes:until:)``.
    enum Taken {
        case appends([PendingAppend])
        case deadline
        case stopped
    }

    /// Waits for appends and takes as many as fit in `maximumBytes` (at least one).
    ///
    /// - Parameters:
    ///   - maximumBytes: The group's size limit.
    ///   - deadline: When to give up waiting, if ever.
    /// - Returns: The appends, or why there are none.
    func take(maximumBytes: Int, until deadline: Date?) -> Taken {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            if stopping { return .stopped }
            if let deadline {
                if !condition.wait(until: deadline) && pending.isEmpty && !stopping { return .deadline }
            } else {
                condition.wait()
            }
        }
        var bytes = 0
        var count = 0
        while count < pending.count, count == 0 || bytes + pending[count].encodedSize <= maximumBytes {
            bytes += pending[count].encodedSize
            count += 1
        }
        let taken = Array(pending.prefix(count))
        pending.removeFirst(count)
        return .appends(taken)
    }
}
