import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOHTTP1

/// `ServerLoad catchup`: one subscriber reads the stream from a position to the log's end, as a service does
/// after a restart; reports events per second.
struct CatchUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catchup",
        abstract: "A subscriber catching up from a position to the end of the log: events per second."
    )

    @OptionGroup var server: ServerOptions

    @Option(help: "The first position.")
    var from: UInt64 = 0

    func run() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let end: UInt64
        do {
            end = try await Health(client: client, server: server).endPosition()
        } catch {
            try await client.shutdown()
            throw error
        }
        guard end > from else {
            try await client.shutdown()
            throw LoadError("the log ends at \(end); nothing to catch up from \(from)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        var received: UInt64 = 0
        try await EventStreamReader(client: client, server: server).follow("/events/stream?from=\(from)") { id, _ in
            received += 1
            return id.map { $0 < end - 1 } ?? true
        }
        let elapsed = started.duration(to: clock.now)
        try await client.shutdown()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "catch-up: \(received) events from position \(from) in \(String(format: "%.2f", seconds)) s, "
                + "\(Int(Double(received) / seconds)) events/s"
        )
    }
}
