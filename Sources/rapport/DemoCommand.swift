import ArgumentParser
import Foundation
import Rapport
import RapportLog

/// `rapport demo`: writes a realistic, deterministic CRM history through the command path.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a realistic, deterministic CRM history into an empty data directory.",
        discussion: """
            Accounts with contacts, leads (some converted, some disqualified), opportunities moving through the \
            stages to won or lost with slipping close dates, cases through their lifecycle with service targets \
            met and missed, activities, tasks and campaigns, over 2024 and 2025 in business time; about 100 events \
            per account. Every command is validated like any other. The same --seed writes the same history.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "How many accounts.")
    var accounts: Int = 1_000

    @Option(help: "The seed; the same seed writes the same history.")
    var seed: UInt64 = 42

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Option(
        name: .customLong("snapshot-every"),
        help: ArgumentHelp(
            "Also take a snapshot every this many events while loading (0: only at the end).",
            valueName: "events"
        )
    )
    var snapshotInterval: UInt64 = 0

    @Option(name: .customLong("keep-snapshots"), help: "How many snapshots to keep.")
    var keptSnapshots = 3

    func validate() throws {
        guard (1...10_000_000).contains(accounts) else {
            throw ValidationError("--accounts must be between 1 and 10000000")
        }
        guard keptSnapshots >= 1 else {
            throw ValidationError("--keep-snapshots must be at least 1")
        }
    }

    func run() async throws {
        var options = EngineOptions.commandLine()
        options.log.durability = .none
        // A bulk load: by default one snapshot when it closes rather than one every million events on the way.
        options.snapshotInterval = snapshotInterval
        options.keptSnapshots = keptSnapshots
        let engine = try await Engine.open(directory: data.directory, options: options)
        guard engine.log.endPosition == 0 else {
            let events = engine.log.endPosition
            await engine.close()
            throw ValidationError(
                "the data directory \(data.directory) already holds \(events) events; the demo writes into an empty one"
            )
        }
        let clock = ContinuousClock()
        let started = clock.now
        let showsProgress = isatty(STDERR_FILENO) == 1
        let summary: DemoLoader.Summary
        do {
            summary = try await DemoLoader.load(into: engine, accounts: accounts, seed: seed) { done in
                if showsProgress {
                    FileHandle.standardError.write(Data("\r\(done) of \(accounts) accounts".utf8))
                }
            }
        } catch {
            await engine.close()
            throw error
        }
        await engine.close()
        let elapsed = started.duration(to: clock.now)
        if showsProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        let report = DemoReport(summary: summary, seconds: elapsed.seconds, directory: data.directory)
        print(json ? report.json : report.text)
        guard summary.refused == 0 else {
            summary.refusals.forEach { FileHandle.standardError.write(Data("refused: \($0)\n".utf8)) }
            Self.endAfterClosingEngine(failed: true)
        }
        Self.endAfterClosingEngine()
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
