public import LogWorkloads
public import Rapport
public import RapportCRM
import RapportLog

/// Commands through validation into the log, in process, in bulk mode: each batch decided command by command
/// against the state, and its accepted commands' events appended together, with no sync until the end.
public enum BulkCommands {
    /// The demo history's commands for some accounts, in batches of the demo loader's size.
    ///
    /// - Parameters:
    ///   - accounts: How many accounts.
    ///   - seed: The history's seed.
    /// - Returns: The batches.
    public static func batches(accounts: Int, seed: UInt64 = 1) -> [[CommandEnvelope]] {
        let history = DemoHistory(seed: seed, accounts: accounts)
        var all = history.openingCommands()
        for account in 0..<accounts { all += history.commands(forAccount: account) }
        all += history.closingCommands()
        return stride(from: 0, to: all.count, by: 4096).map { Array(all[$0..<min($0 + 4096, all.count)]) }
    }

    /// Runs the batches on an engine over an empty directory.
    ///
    /// - Parameters:
    ///   - directory: The empty data directory.
    ///   - batches: The commands.
    /// - Returns: The commands run and the time from the first submission to the last durable append.
    /// - Throws: What the engine throws, or when a command is refused (the history is valid).
    public static func run(directory: String, batches: [[CommandEnvelope]]) async throws -> Throughput {
        var options = EngineOptions()
        options.log.durability = .none
        // The read models still fold live, as they do for every engine; a snapshot on close is no part of the
        // command path.
        options.snapshotOnClose = false
        let engine = try await Engine.open(directory: directory, options: options)
        let clock = ContinuousClock()
        let start = clock.now
        var commands = 0
        for batch in batches {
            let (outcomes, _) = try engine.submitBatch(batch) { _ in }
            for outcome in outcomes {
                if case .failure(let refusal) = outcome { throw refusal }
            }
            commands += outcomes.count
        }
        // Closing waits for every queued append and syncs the log.
        await engine.close()
        return Throughput(records: commands, elapsed: clock.now - start)
    }
}
