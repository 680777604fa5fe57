import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One block of an event stream, as a client reads it: the fields up to an empty line.
struct EventBlock: Sendable, Hashable {
    /// The `id` field.
    var id: String?
    /// The `event` field.
    var event: String?
    /// The `data` lines, joined with newlines.
    var data: String?
    /// The comment lines, without their leading `: `.
    var comments: [String] = []

    /// The id as a position.
    var position: UInt64? { id.flatMap { UInt64($0) } }

    /// The data parsed as a JSON object (empty when it is not one).
    var object: [String: Any] {
        guard let data else { return [:] }
        return (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
    }
}

/// A client of one event stream over its own HTTP connection, reading the `text/event-stream` body block by block
/// only when asked, so that a test can also stop reading and let the server wait at the socket.
///
/// `@unchecked Sendable`: a test uses it from one task at a time; it is only handed on (from the closure a server
/// runs to the code after it) once the closure has finished with it.
final class EventStreamReader: @unchecked Sendable {
    /// The response status code.
    let status: Int
    /// The response's media type.
    let contentType: String?
    private let client: HTTPClient
    private var body: HTTPClientResponse.Body.AsyncIterator
    private var pending: [UInt8] = []
    private var start = 0

    /// Sends the request and waits for the response head.
    ///
    /// - Parameters:
    ///   - url: The stream's URL.
    ///   - token: The bearer token.
    ///   - lastEventId: The `Last-Event-ID` header to send.
    /// - Returns: The reader.
    static func open(url: String, token: String, lastEventId: UInt64?) async throws -> EventStreamReader {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        if let lastEventId {
            request.headers.add(name: "Last-Event-ID", value: String(lastEventId))
        }
        do {
            let response = try await client.execute(request, deadline: .now() + .minutes(5))
            return EventStreamReader(
                status: Int(response.status.code),
                contentType: response.headers.first(name: "Content-Type"),
                client: client,
                body: response.body.makeAsyncIterator()
            )
        } catch {
            try await client.shutdown()
            throw error
        }
    }

    private init(
        status: Int,
        contentType: String?,
        client: HTTPClient,
        body: HTTPClientResponse.Body.AsyncIterator
    ) {
        self.status = status
        self.contentType = contentType
        self.client = client
        self.body = body
    }

    /// The next block; `nil` once the server has ended the stream.
    ///
    /// - Returns: The block.
    /// - Throws: What the connection throws.
    func next() async throws -> EventBlock? {
        while true {
            if let end = Self.blockEnd(in: pending, from: start) {
                let lines = pending[start..<end].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                start = end + 2
                return Self.block(lines.map { String(decoding: $0, as: UTF8.self) })
            }
            guard let buffer = try await body.next() else { return nil }
            pending.removeFirst(start)
            start = 0
            pending += buffer.readableBytesView
        }
    }

    /// The next block that carries an event (skipping comments and blocks without data).
    ///
    /// - Returns: The event's block; `nil` once the stream has ended.
    /// - Throws: What the connection throws.
    func nextEvent() async throws -> EventBlock? {
        while let block = try await next() {
            if block.data != nil {
                return block
            }
        }
        return nil
    }

    /// Reads events until `count` were read.
    ///
    /// - Parameter count: How many.
    /// - Returns: Their blocks.
    /// - Throws: What the connection throws, or when the stream ends first.
    func events(_ count: Int) async throws -> [EventBlock] {
        var blocks: [EventBlock] = []
        while blocks.count < count {
            guard let block = try await nextEvent() else {
                throw StreamEnded(after: blocks.count)
            }
            blocks.append(block)
        }
        return blocks
    }

    /// The body to its end, as text (for a refused request's problem).
    ///
    /// - Returns: The text.
    /// - Throws: What the connection throws.
    func remainingText() async throws -> String {
        var text = String(decoding: pending[start...], as: UTF8.self)
        while let buffer = try await body.next() {
            text += String(buffer: buffer)
        }
        return text
    }

    /// Drops the connection, as a client that goes away does.
    func close() async throws {
        try await client.shutdown()
    }

    /// The stream ended before the expected events came.
    struct StreamEnded: Error {
        var after: Int
    }

    private static func blockEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count - start >= 2 else { return nil }
        for index in start..<(bytes.count - 1) where bytes[index] == 10 && bytes[index + 1] == 10 {
            return index
        }
        return nil
    }

    private static func block(_ lines: [String]) -> EventBlock {
        var block = EventBlock()
        for line in lines {
            if line.hasPrefix(":") {
                block.comments.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
                continue
            }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            var value = parts.count > 1 ? String(parts[1]) : ""
            if value.hasPrefix(" ") {
                value.removeFirst()
            }
            switch name {
            case "id": block.id = value
            case "event": block.event = value
            case "data": block.data = block.data.map { $0 + "\n" + value } ?? value
            default: break
            }
        }
        return block
    }
}
