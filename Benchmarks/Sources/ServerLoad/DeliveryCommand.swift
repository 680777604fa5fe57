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
        let (latencies, appending) = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for _ in 0..<subscribers {
                group.addTask {
                    do {
                        return try await Self.follow(client: client, server: server, from: start, through: last) {
                            opened.value.add(1, ordering: .relaxed)
                        }
                    } catch {
                        opened.failed.store(true, ordering: .relaxed)
                        throw error
                    }
                }
            }
            while opened.value.load(ordering: .relaxed) < subscribers {
                if opened.failed.load(ordering: .relaxed) {
                    return (try await group.next() ?? [], Duration.zero)
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            let appending = try await Writer(client: client, server: server).append(
                total: Int(total),
                batch: batch,
                every: .microseconds(1_000_000 * batch / rate)
            )
            var all: [Int64] = []
            for try await latencies in group {
                all += latencies
            }
            return (all, appending)
        }
        try await client.shutdown()
        let percentiles = Percentiles(latencies)
        let seconds = Double(appending.components.seconds) + Double(appending.components.attoseconds) / 1e18
        print(
            "delivery: \(subscribers) subscribers, \(total) events asked at \(rate)/s, appended at "
                + "\(Int(Double(total) / seconds))/s, \(latencies.count) deliveries"
        )
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
            return id.map { $0 < last } ?? true
        }
        return latencies
    }

    private static let recordedAtKey = Array("\"recordedat\":\"".utf8)

    /// The `recordedat` attribute of an event's CloudEvents JSON. Its keys are sorted, so the attribute comes after
    /// the event's data, near the end: the key is looked for from the end backwards.
    private static func recordedAt(in data: UnsafeRawBufferPointer) -> Timestamp? {
        let key = recordedAtKey
        guard let base = data.baseAddress else { return nil }
        var start = data.count - key.count
        while start >= 0 {
            if data[start] == UInt8(ascii: "\""), memcmp(base + start, key, key.count) == 0 {
                let valueStart = start + key.count
                guard let end = data[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return Timestamp(rfc3339: String(decoding: data[valueStart..<end], as: UTF8.self))
            }
            start -= 1
        }
        return nil
    }
}

/// How many subscribers have their stream open, and whether one of them failed (its stream refused or cut).
final class OpenedCount: Sendable {
    let value = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
}
