import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Appends accounts through `POST /commands` at a steady pace.
struct Writer {
    let client: HTTPClient
    let server: ServerOptions

    /// The most lists in flight at once: a list is sent at its time even when earlier ones are not answered yet.
    static let maximumInFlight = 16

    /// Sends `total` commands in lists of `batch`, one list every `interval`, without waiting for the answer to
    /// one list before sending the next (up to ``maximumInFlight`` lists at once).
    ///
    /// - Returns: The time from the first list sent to the last answer received.
    func append(total: Int, batch: Int, every interval: Duration) async throws -> Duration {
        let clock = ContinuousClock()
        let started = clock.now
        var deadline = started
        let run = UUID().uuidString.prefix(8)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            for first in stride(from: 0, to: total, by: batch) {
                try await clock.sleep(until: deadline)
                deadline += interval
                if inFlight == Self.maximumInFlight {
                    try await group.next()
                    inFlight -= 1
                }
                let commands = (first..<min(total, first + batch)).map { Self.command(run: run, index: $0) }
                let body = "[" + commands.joined(separator: ",") + "]"
                group.addTask { try await send(body) }
                inFlight += 1
            }
            try await group.waitForAll()
        }
        return started.duration(to: clock.now)
    }

    private static func command(run: Substring, index: Int) -> String {
        #"{"type":"OpenAccount","actor":"load","data":{"accountId":"load-\#(run)-\#(index)","name":"Load \#(index)","ownerId":"u1"}}"#
    }

    private func send(_ body: String) async throws {
        var request = HTTPClientRequest(url: server.url + "/commands")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(server.token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        guard response.status == .created else {
            throw LoadError("POST /commands answered \(response.status)")
        }
        _ = try await response.body.collect(upTo: 1 << 24)
    }
}
