import RapportTestSupport
import Testing

/// Runs command lines through `rapport exec` into a fresh data directory, checks that every one was accepted, and
/// hands the directory to `body`: the history the command-line tests read back.
///
/// - Parameters:
///   - commands: The commands, one JSON line each.
///   - body: Given the data directory.
func withExecutedHistory(_ commands: [String], _ body: (String) throws -> Void) async throws {
    try await withTemporaryDirectory { directory in
        let run = try RapportProcess.run(["exec", "--data", directory], input: commands.joined(separator: "\n"))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardOutput.contains("\"error\""), "\(run.standardOutput)")
        try body(directory)
    }
}
