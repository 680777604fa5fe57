import Foundation

/// A `rapport log append` child fed lines as it runs, whose acknowledgements are collected as they arrive.
final class LiveAppender: @unchecked Sendable {
    // `@unchecked Sendable`: `acknowledged` and `finished` are touched only while `condition` is locked.
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let condition = NSCondition()
    private var acknowledged: [String] = []
    private var finished = false

    /// Starts the child.
    ///
    /// - Parameter arguments: The arguments after `rapport`.
    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: RapportProcess.executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.detachNewThread { [self] in collectAcknowledgements() }
    }

    /// Sends lines; returns `false` once the child is gone and the pipe is closed.
    func send(_ lines: String) -> Bool {
        (try? input.fileHandleForWriting.write(contentsOf: Data(lines.utf8))) != nil
    }

    /// Closes the child's standard input, so it finishes and exits.
    func finishInput() throws {
        try input.fileHandleForWriting.close()
    }

    /// Waits until at least `count` acknowledgements have arrived, or the child's output ended.
    ///
    /// - Returns: The acknowledgements so far.
    func waitForAcknowledgements(_ count: Int) -> [String] {
        condition.lock()
        defer { condition.unlock() }
        while acknowledged.count < count, !finished {
            condition.wait()
        }
        return acknowledged
    }

    /// Kills the child with SIGKILL, then returns every acknowledgement it printed before it died.
    func kill() -> [String] {
        Foundation.kill(process.processIdentifier, SIGKILL)
        return waitForExit()
    }

    /// Waits for the child to exit and for its output to end.
    ///
    /// - Returns: Every acknowledgement it printed.
    func waitForExit() -> [String] {
        process.waitUntilExit()
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            condition.wait()
        }
        return acknowledged
    }

    /// The child's exit status, once it has exited.
    var status: Int32 { process.terminationStatus }

    private func collectAcknowledgements() {
        let handle = output.fileHandleForReading
        var pending = Data()
        while true {
            let chunk = handle.availableData
            pending.append(chunk)
            var lines: [String] = []
            while let newline = pending.firstIndex(of: 0x0A) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
            condition.lock()
            acknowledged += lines
            if chunk.isEmpty {
                finished = true
            }
            condition.broadcast()
            condition.unlock()
            if chunk.isEmpty { return }
        }
    }
}
