import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Appends accounts through `POST /commands` at a steady pace.
struct Writer {
    let client: HTTPClient
    let server: ServerOptions

    /// Sends `total` commands in lists of `batch`, one list every `interval`.
    func append(total: Int, batch: Int, every interval: Duration) async throws {
        let clock = ContinuousClock()
        var deadline = clock.now
        let run = UUID().uuidString.prefix(8)
        for first in stride(from: 0, to: total, by: batch) {
            let commands = (first..<min(total, first + batch)).map { index in
                #"{"type":"OpenAccount","actor":"load","data":{"accountId":"load-\#(run)-\#(index)","name":"Load \#(index)","ownerId":"u1"}}"#
            }
            var request = HTTPClientRequest(url: server.url + "/commands")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(server.token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: "[" + commands.joined(separator: ",") + "]"))
            let response = try await client.execute(request, timeout: .seconds(30))
            guard response.status == .created else {
                throw LoadError("POST /commands answered \(response.status)")
            }
            _ = try await response.body.collect(upTo: 1 << 24)
            deadline += interval
            try await clock.sleep(until: deadline)
        }
    }
}
