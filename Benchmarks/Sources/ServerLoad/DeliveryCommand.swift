import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RapportTime
import Synchronization

/// `ServerLoad delivery`: many subscribers follow the live stream while a writer appends at a steady rate; the
/// latency of each delivery is the time from the event's record time to its arrival at the subscriber.
struct DeliveryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery",
        abstract: "Append-to-delivery latency over SSE with many subscribers at a steady append rate."
    )

    @OptionGroup var server: ServerOptions

    @Option(help: "How many subscribers follow the stream.")
    var subscribers = 100

    @Option(help: "Events appended per second.")
    var rate = 5_000

    @Option(help: "How long to append, in seconds.")
    var seconds = 20

    @Option(help: "Commands per request (a JSON list), sent every 1/(rate/batch) seconds.")
    var batch = 25

    func run() async throws {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = subscribers + 8
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let start: UInt64
        do {
            start = try await Health(client: client, server: server).endPosition()
        } catch {
            try await client.shutdown()
            throw error
        }
        let total = UInt64(rate * seconds / batch * batch)
        let last = start + total - 1
        let opened = OpenedCount()
        let server = self.server
        let latencies = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for _ in 0..<subscribers {
                group.addTask {
                    try await Self.follow(client: client, server: server, from: start, through: last) {
                        opened.value.add(1, ordering: .relaxed)
                    }
                }
            }
            while opened.value.load(ordering: .relaxed) < subscribers {
                try await Task.sleep(for: .milliseconds(10))
            }
            try await Writer(client: client, server: server).append(
                total: Int(total),
                batch: batch,
                every: .microseconds(1_000_000 * batch / rate)
            )
            var all: [Int64] = []
            for try await latencies in group {
                all += latencies
            }
            return all
        }
        try await client.shutdown()
        let percentiles = Percentiles(latencies)
        print("delivery: \(subscribers) subscribers, \(total) events at \(rate)/s, \(latencies.count) deliveries")
        print("append-to-delivery latency: \(percentiles.summary)")
    }

    private static func follow(
        client: HTTPClient,
        server: ServerOptions,
        from start: UInt64,
        through last: UInt64,
        onOpen: () -> Void
    ) async throws -> [Int64] {
        var latencies: [Int64] = []
        latencies.reserveCapacity(Int(last - start + 1))
        try await EventStreamReader(client: client, server: server).follow(
            "/events/stream?from=\(start)",
            onOpen: onOpen
        ) { id, data in
            let now = Timestamp.now().microsecondsSinceEpoch
            if let recorded = Self.recordedAt(in: data) {
                latencies.append(now - recorded.microsecondsSinceEpoch)
            }
            return UInt64(id).map { $0 < last } ?? true
        }
        return latencies
    }

    private static func recordedAt(in data: Substring) -> Timestamp? {
        guard let key = data.range(of: "\"recordedat\":\"") else { return nil }
        let rest = data[key.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return Timestamp(rfc3339: String(rest[..<end]))
    }
}

/// How many subscribers have their stream open.
final class OpenedCount: Sendable {
    let value = Atomic<Int>(0)
}
