public import RapportLog

/// Appends records given as JSON lines (see ``RecordInput``) and reports each one once it is durable.
///
/// Two ways: one line at a time, each line its own append acknowledged before the next line is read (what a
/// producer piping events in wants), or all lines as one atomic append (nothing is written unless every line
/// is valid and every expected version holds).
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
    /// Blank lines are skipped. Records of lines before a failing line stay appended (they were acknowledged);
    /// the failing line writes nothing.
    ///
    /// - Parameters:
    ///   - nextLine: Returns the next input line, or `nil` at the end of the input.
    ///   - acknowledge: Receives the output line of each record once it is durable.
    /// - Returns: The number of records appended.
    /// - Throws: ``RapportError`` with code `invalid_input` for a bad line, or `log_failure` (naming the line)
    ///   when the log refuses or fails the append, for example on a wrong expected version.
    @discardableResult
    public func appendEach(
        from nextLine: () -> String?,
        acknowledge: (String) -> Void
    ) async throws -> Int {
        var number = 0
        var appended = 0
        while let line = nextLine() {
            number += 1
            guard !Self.isBlank(line) else { continue }
            let record = try RecordInput.parse(line, number: number)
            let result = try await append([record], lines: "line \(number)")
            result.entries.forEach { acknowledge(RecordOutput.acknowledgement($0)) }
            appended += result.entries.count
        }
        return appended
    }

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
            guard !Self.isBlank(line) else { continue }
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
            throw RapportError(.logFailure, "\(lines): \(error)", cause: error)
        }
    }

    private static func isBlank(_ line: String) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
