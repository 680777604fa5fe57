import ArgumentParser
import Foundation
import Rapport
import RapportLog

/// `rapport exec`: commands from JSON lines, one result line each.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run CRM commands given as JSON lines (standard input or --file).",
        discussion: """
            Each line is a command: {"type": "OpenOpportunity", "actor": "user-7", "data": {...}} with optional \
            "commandId", "expectedVersion", "occurredAt" (RFC 3339), "correlationId" and "causationId" \
            (schemas/commands/). One line is printed per command, in input order, once its events are durable: \
            {"ok": true, "events": [positions]} or {"ok": false, "error": {"code", "message", "field"}}. A refused \
            command appends nothing and the next line runs. Exit status 0 when every command was accepted, 1 when \
            any was refused.
            """
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("Read commands from this file instead of standard input.", valueName: "file"))
    var file: String?

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "A CRM configuration file (stages, lead statuses, case service targets); Salesforce's defaults otherwise.",
            valueName: "file"
        )
    )
    var configurationFile: String?

    @Option(help: "When events count as durable: fsync (each commit), batched (--sync-interval), none (at exit).")
    var durability: DurabilityChoice = .fsync

    @Option(help: "Milliseconds between syncs with --durability batched.")
    var syncInterval: Int = 10

    func validate() throws {
        guard syncInterval >= 1 else {
            throw ValidationError("--sync-interval must be at least 1 millisecond")
        }
    }

    func run() async throws {
        let input = try CommandInput(path: file)
        var options = EngineOptions()
        if let configurationFile {
            options.configuration = try ConfigurationFile.load(configurationFile)
        }
        options.log.durability = durability.durability(syncInterval: syncInterval)
        let engine = try await Engine.open(directory: data.directory, options: options)
        let summary: CommandLineRunner.Summary
        do {
            summary = try await CommandLineRunner(engine: engine).run(from: input.next) { line in
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch {
            await engine.close()
            throw error
        }
        await engine.close()
        if summary.refused > 0 {
            FileHandle.standardError.write(
                Data("\(summary.refused) of \(summary.accepted + summary.refused) commands were refused\n".utf8)
            )
            Self.endAfterClosingEngine(failed: true)
        }
        Self.endAfterClosingEngine()
    }
}
