import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Reads `GET /health`.
struct Health {
    let client: HTTPClient
    let server: ServerOptions

    /// The log's end position: one past the last durable event.
    func endPosition() async throws -> UInt64 {
        let response = try await client.execute(HTTPClientRequest(url: server.url + "/health"), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        guard let end = (object?["endPosition"] as? NSNumber)?.uint64Value else {
            throw LoadError("GET /health did not say endPosition")
        }
        return end
    }
}
