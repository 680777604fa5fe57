import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportProjections
import RapportTestSupport

/// Demo commands run through a real engine, for read model and snapshot tests.
enum EngineHistory {
    /// The commands of the demo's history of a few accounts, in the order the demo runs them.
    static func commands(seed: UInt64, accounts: Int) -> [CommandEnvelope] {
        let demo = DemoHistory(seed: seed, accounts: accounts)
        return demo.openingCommands() + (0..<accounts).flatMap(demo.commands(forAccount:)) + demo.closingCommands()
    }

    /// Options for tests: no fsync, snapshots every `interval` events (0: only on demand and on close).
    static func options(snapshotInterval interval: UInt64 = 0, notices: NoticeLog? = nil) -> EngineOptions {
        var options = EngineOptions()
        options.log.durability = .none
        options.snapshotInterval = interval
        if let notices { options.notice = { notices.append($0) } }
        return options
    }

    /// Runs commands, ignoring refusals.
    ///
    /// - Parameters:
    ///   - commands: The commands.
    ///   - engine: The engine.
    ///   - afterEach: Called after each accepted command.
    static func run(
        _ commands: [CommandEnvelope],
        on engine: Engine,
        afterEach: (Engine) throws -> Void = { _ in }
    ) async throws {
        for command in commands {
            do {
                _ = try await engine.execute(command)
                try afterEach(engine)
            } catch is DomainError {
                continue
            }
        }
    }

    /// The live read models, folded up to every durable event.
    static func liveModels(of engine: Engine) throws -> ReadModels {
        try engine.withReadModels(in: .live) { models, _ in models }
    }
}

/// What an engine said through its notices, collected for assertions.
final class NoticeLog: @unchecked Sendable {
    // Guarded by `lock`; notices arrive from the engine's tasks.
    private var lines: [String] = []
    private let lock = NSLock()

    /// Adds a notice.
    func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    /// The notices so far.
    var all: [String] { lock.withLock { lines } }
}
