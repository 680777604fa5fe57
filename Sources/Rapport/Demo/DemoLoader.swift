import RapportCRM

/// Writes the demo history (``DemoHistory``) through the command path of an engine: every command is validated
/// like any other, in bulk batches that share the log's writes.
public enum DemoLoader {
    /// What a load wrote.
    public struct Summary: Sendable, Hashable {
        /// Accounts generated.
        public var accounts = 0
        /// Commands run.
        public var commands = 0
        /// Commands refused (a correct generator has none; the first refusals are kept in ``refusals``).
        public var refused = 0
        /// Events appended.
        public var events = 0
        /// The first few refusals, with the command type.
        public var refusals: [String] = []
    }

    /// The commands of some accounts, each account's in a list.
    private static func generate(_ history: DemoHistory, accounts: Range<Int>) async -> [[CommandEnvelope]] {
        accounts.map(history.commands(forAccount:))
    }

    /// Commands per bulk append.
    static let batchSize = 4096
    /// Bulk appends queued at once.
    static let batchesInFlight = 8

    /// Generates and runs the history of `accounts` accounts from `seed`.
    ///
    /// - Parameters:
    ///   - engine: The engine, normally on an empty data directory.
    ///   - accounts: How many accounts.
    ///   - seed: The seed; the same seed gives the same commands.
    ///   - progress: Called now and then with the number of accounts done.
    /// - Returns: What was written.
    /// - Throws: ``RapportError`` when the log fails.
    public static func load(
        into engine: Engine,
        accounts: Int,
        seed: UInt64,
        progress: (Int) -> Void = { _ in }
    ) async throws -> Summary {
        let history = DemoHistory(seed: seed, accounts: accounts)
        let inFlight = AppendsInFlight(limit: batchesInFlight)
        var summary = Summary(accounts: accounts)
        var pending: [CommandEnvelope] = []
        pending.reserveCapacity(batchSize)

        func flush() async throws {
            guard !pending.isEmpty else { return }
            await inFlight.waitForRoom()
            if let failure = inFlight.firstFailure { throw failure }
            inFlight.started()
            let (outcomes, appending) = try engine.submitBatch(pending, completion: inFlight.finished)
            if !appending { inFlight.finished(failure: nil) }
            for (envelope, outcome) in zip(pending, outcomes) {
                summary.commands += 1
                switch outcome {
                case .success(let result):
                    summary.events += result.events.count
                case .failure(let refusal):
                    summary.refused += 1
                    if summary.refusals.count < 10 {
                        summary.refusals.append("\(envelope.command.commandType): \(refusal)")
                    }
                }
            }
            pending.removeAll(keepingCapacity: true)
        }

        pending += history.openingCommands()
        // Each chunk of accounts is generated on another core while the one before it is decided and appended.
        let chunk = 64
        var current = await generate(history, accounts: 0..<min(chunk, accounts))
        var start = 0
        while start < accounts {
            let nextStart = min(start + chunk, accounts)
            async let upcoming = generate(history, accounts: nextStart..<min(nextStart + chunk, accounts))
            for commands in current {
                pending += commands
                if pending.count >= batchSize {
                    try await flush()
                }
            }
            progress(nextStart)
            current = await upcoming
            start = nextStart
        }
        pending += history.closingCommands()
        try await flush()
        await inFlight.waitForAll()
        if let failure = inFlight.firstFailure { throw failure }
        progress(accounts)
        return summary
    }
}
