import ArgumentParser
import Foundation
import Logging
import Rapport
import RapportLog
import RapportServer

/// `rapport serve`: the HTTP API, the live event stream and the metrics, over the embedded log.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API, the live event stream and the metrics over the data directory.",
        discussion: """
            Every endpoint but /health needs a bearer token (rapport token create). On SIGTERM or SIGINT the \
            server stops accepting, finishes the requests in flight, takes a snapshot and closes the log. \
            With --demo it first writes the demo history when the data directory's log is empty, and creates \
            an admin token when there is none, printing it once.
            """
    )

    @OptionGroup var tokens: TokensFileOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Flag(help: "Write the demo history first when the log is empty.")
    var demo = false

    @Option(help: "With --demo: how many accounts.")
    var accounts = 1_000

    @Option(help: "With --demo: the seed.")
    var seed: UInt64 = 42

    @Option(name: .customLong("max-body-bytes"), help: "The largest request body accepted.")
    var maximumBodyBytes = 1 << 20

    @Option(name: .customLong("max-batch"), help: "The most commands in one POST /commands list.")
    var maximumBatchCommands = 1000

    @Option(name: .customLong("max-streams-per-token"), help: "The most event streams one token may hold open.")
    var maximumStreamsPerToken = 16

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Option(
        name: .customLong("shutdown-grace"),
        help: "Seconds a graceful shutdown may take before what still runs is cancelled."
    )
    var shutdownGraceSeconds = 30.0

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maximumBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024") }
        guard maximumBatchCommands >= 1 else { throw ValidationError("--max-batch must be at least 1") }
        guard maximumStreamsPerToken >= 1 else {
            throw ValidationError("--max-streams-per-token must be at least 1")
        }
        guard shutdownGraceSeconds > 0, shutdownGraceSeconds <= 3600 else {
            throw ValidationError("--shutdown-grace must be more than 0 and at most 3600 seconds")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical")
        }
        guard (1...10_000_000).contains(accounts) else {
            throw ValidationError("--accounts must be between 1 and 10000000")
        }
    }

    func run() async throws {
        var logger = Logger(label: "rapport")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let directory = tokens.data.directory
        if demo {
            try await writeDemoWhenEmpty(directory: directory, logger: logger)
            try createAdminTokenWhenNone()
        }
        var options = ServerOptions(tokensPath: tokens.path)
        options.host = host
        options.port = port
        options.maximumBodyBytes = maximumBodyBytes
        options.maximumBatchCommands = maximumBatchCommands
        options.maximumStreamsPerToken = maximumStreamsPerToken
        options.shutdownGraceSeconds = shutdownGraceSeconds
        let engine = try await Engine.open(directory: directory, options: EngineOptions.commandLine())
        let server: RapportServer
        do {
            server = try RapportServer(engine: engine, options: options)
        } catch {
            await engine.close()
            throw error
        }
        if server.tokens.count == 0 {
            logger.warning("no access tokens yet: create one with rapport token create --role admin")
        }
        let host = self.host
        try await server.run(logger: logger) { port in
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
    }

    private func writeDemoWhenEmpty(directory: String, logger: Logger) async throws {
        var options = EngineOptions.commandLine()
        options.log.durability = .none
        options.snapshotInterval = 0
        let engine = try await Engine.open(directory: directory, options: options)
        guard engine.log.endPosition == 0 else {
            await engine.close()
            return
        }
        logger.info("writing the demo history", metadata: ["accounts": "\(accounts)", "seed": "\(seed)"])
        do {
            let summary = try await DemoLoader.load(into: engine, accounts: accounts, seed: seed) { _ in }
            logger.info("demo history written", metadata: ["events": "\(summary.events)"])
        } catch {
            await engine.close()
            throw error
        }
        await engine.close()
    }

    private func createAdminTokenWhenNone() throws {
        let file = TokenFile(path: tokens.path)
        guard try file.records().isEmpty else { return }
        let created = try file.create(role: .admin, label: "created by rapport serve --demo")
        FileHandle.standardOutput.write(Data("admin token (shown once): \(created.token)\n".utf8))
    }
}
