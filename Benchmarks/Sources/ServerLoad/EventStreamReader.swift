import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Reads a server-sent event stream, handing each event's id and data line to a closure.
///
/// Written here because no package available parses SSE over AsyncHTTPClient's body stream; it understands
/// the subset the server sends: `id:`, `event:`, `data:` lines and `:` comments, events ended by a blank line.
struct EventStreamReader {
    let client: HTTPClient
    let server: ServerOptions

    /// Follows `path` until `onEvent` returns `false` or the stream ends.
    ///
    /// - Parameters:
    ///   - path: The stream's path and query, e.g. `/events/stream?from=0`.
    ///   - onOpen: Called once the response headers arrived.
    ///   - onEvent: Receives each event's id and data; returns `false` to stop.
    func follow(
        _ path: String,
        onOpen: () -> Void = {},
        onEvent: (_ id: Substring, _ data: Substring) -> Bool
    ) async throws {
        var request = HTTPClientRequest(url: server.url + path)
        request.headers.add(name: "Authorization", value: "Bearer \(server.token)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await client.execute(request, timeout: .hours(1))
        guard response.status == .ok else {
            throw LoadError("\(path) answered \(response.status)")
        }
        onOpen()
        var pending = ""
        var id: Substring = ""
        var data: Substring = ""
        for try await buffer in response.body {
            pending += String(buffer: buffer)
            guard let lastNewline = pending.lastIndex(of: "\n") else { continue }
            let complete = pending[...lastNewline]
            for line in complete.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.isEmpty {
                    if !data.isEmpty {
                        guard onEvent(id, data) else { return }
                    }
                    data = ""
                } else if line.hasPrefix("id: ") {
                    id = line.dropFirst(4)
                } else if line.hasPrefix("data: ") {
                    data = line.dropFirst(6)
                }
            }
            pending = String(pending[pending.index(after: lastNewline)...])
            id = Substring(String(id))
            data = Substring(String(data))
        }
    }
}

/// A failure of the measurement itself.
struct LoadError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
