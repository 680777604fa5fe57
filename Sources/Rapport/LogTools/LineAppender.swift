public import RapportLog

/// Appends records given as JSON lines (see ``RecordInput``) and reports each one once it is durable.
///
/// Two ways: each line its own append, in order (what a producer piping events in wants), or all lines as one
/// atomic append (nothing is written unless every line is valid and every expected version holds).
public struct LineAppender: Sendable {
    /// The log to append to.
    public let log: EventLog

    /// Creates an appender.
    ///
    /// - Parameter log: The log, open for writing.
    public init(log: EventLog) {
        self.log = log
    }

    /// Appends each line as its own append, in order, stopping at the first line that fails.
    ///
    /// Lines are submitted as they are read, without waiting for earlier ones to be durable (up to
    /// ``maximumInFlight`` at a time), so they share the log's batches and syncs; each is acknowledged as soon
    /// as it is durable, in input order. The outcome is the same as appending line by line: blank lines are
    /// skipped, the lines before a failing line stay appended (they were acknowledged), and neither the failing
    /// line nor any line after it is written.
    ///
    /// - Parameters:
    ///   - nextLine: Returns the next input line, or `nil` at the end of the input.
    ///   - acknowledge: Receives the output line of each record once it is durable, on the log's writer thread.
    /// - Returns: The number of records appended.
    /// - Throws: ``RapportError`` with code `invalid_input` for a bad line, or `log_failure` (naming the line)
    ///   when the log refuses or fails the append, for example on a wrong expected version.
    @discardableResult
    public func appendEach(
        from nextLine: () -> String?,
        acknowledge: @escaping @Sendable (String) -> Void
    ) async throws -> Int {
        let session: AppendSession
        do {
            session = try log.appendSession()
        } catch let error as LogError {
            throw Self.refusal(error, of: "the log")
        }
        let inFlight = AppendsInFlight(limit: Self.maximumInFlight)
        var number = 0
        var appended = 0
        do {
            while inFlight.firstFailure == nil, let line = nextLine() {
                number += 1
                guard !line.isBlankInputLine else { continue }
                let record = try RecordInput.parse(line, number: number)
                await inFlight.waitForRoom()
                let lines = "line \(number)"
                inFlight.started()
                do {
                    try session.submit([record]) { result in
                        switch result {
                        case .success(let appendResult):
                            appendResult.entries.forEach { acknowledge(RecordOutput.acknowledgement($0)) }
                            inFlight.finished(failure: nil)
                        case .failure(let error):
                            inFlight.finished(failure: Self.refusal(error, of: lines))
                        }
                    }
                } catch let error as LogError {
                    inFlight.finished(failure: nil)
                    throw Self.refusal(error, of: lines)
                }
                appended += 1
            }
        } catch {
            await inFlight.waitForAll()
            throw inFlight.firstFailure ?? error
        }
        await inFlight.waitForAll()
        if let failure = inFlight.firstFailure {
            throw failure
        }
        return appended
    }

    /// The most appends ``appendEach(from:acknowledge:)`` keeps queued but not yet durable.
    public static let maximumInFlight = 4096

    /// Reads every line, then appends all records as one atomic append.
    ///
    /// - Parameters:
    ///   - nextLine: Returns the next input line, or `nil` at the end of the input.
    ///   - acknowledge: Receives the output line of each record once the append is durable.
    /// - Returns: The number of records appended (0 for an input of blank lines only).
    /// - Throws: ``RapportError`` with code `invalid_input` for a bad line, or `log_failure` when the log
    ///   refuses or fails the append; in both cases nothing was written.
    @discardableResult
    public func appendAtomically(
        from nextLine: () -> String?,
        acknowledge: (String) -> Void
    ) async throws -> Int {
        var number = 0
        var records: [ProposedRecord] = []
        while let line = nextLine() {
            number += 1
            guard !line.isBlankInputLine else { continue }
            records.append(try RecordInput.parse(line, number: number))
        }
        guard !records.isEmpty else { return 0 }
        let result = try await append(records, lines: "the input's \(records.count) records")
        result.entries.forEach { acknowledge(RecordOutput.acknowledgement($0)) }
        return result.entries.count
    }

    private func append(_ records: [ProposedRecord], lines: String) async throws -> AppendResult {
        do {
            return try await log.append(records)
        } catch let error as LogError {
            throw Self.refusal(error, of: lines)
        }
    }

    /// The error to report for a log error about some lines: `invalid_input` when the log found a record
    /// invalid, `log_failure` otherwise.
    private static func refusal(_ error: LogError, of subject: String) -> RapportError {
        let code: RapportError.Code = error.code == .invalidRecord ? .invalidInput : .logFailure
        return RapportError(code, "\(subject): \(error)", cause: error)
    }
}
