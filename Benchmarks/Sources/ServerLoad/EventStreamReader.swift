import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Reads a server-sent event stream, handing each event's id and data line to a closure.
///
/// Written here because no package available parses SSE over AsyncHTTPClient's body stream; it understands
/// the subset the server sends: `id:`, `event:`, `data:` lines and `:` comments, events ended by a blank line.
/// It works on the bytes in place as they arrive (``EventStreamParser``), so that reading a hundred streams on the
/// machine it measures takes little of that machine.
struct EventStreamReader {
    let client: HTTPClient
    let server: ServerOptions

    /// Follows `path` until `onEvent` returns `false` or the stream ends.
    ///
    /// - Parameters:
    ///   - path: The stream's path and query, e.g. `/events/stream?from=0`.
    ///   - onOpen: Called once the response headers arrived.
    ///   - onEvent: Receives each event's id (`nil` when it has none that is a number) and the bytes of its data
    ///     line, valid only during the call; returns `false` to stop.
    func follow(
        _ path: String,
        onOpen: () -> Void = {},
        onEvent: (_ id: UInt64?, _ data: UnsafeRawBufferPointer) -> Bool
    ) async throws {
        var request = HTTPClientRequest(url: server.url + path)
        request.headers.add(name: "Authorization", value: "Bearer \(server.token)")
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await client.execute(request, timeout: .hours(1))
        guard response.status == .ok else {
            throw LoadError("\(path) answered \(response.status)")
        }
        onOpen()
        var parser = EventStreamParser()
        for try await buffer in response.body {
            let goOn = buffer.withUnsafeReadableBytes { chunk in parser.feed(chunk, onEvent: onEvent) }
            guard goOn else { return }
        }
    }
}

/// Splits the bytes of an event stream into events, chunk by chunk, without copying what lies within one chunk:
/// only a line cut by a chunk's end, or an event's data whose blank line has not arrived yet, is kept.
struct EventStreamParser {
    /// The start of a line the last chunk ended in.
    private var partialLine: [UInt8] = []
    /// The current event's id.
    private var id: UInt64?
    /// The current event's data, when it came in an earlier chunk (or a line cut by a chunk's end).
    private var carriedData: [UInt8] = []
    /// The current event's data in the chunk being read.
    private var dataInChunk: UnsafeRawBufferPointer?

    /// Reads one chunk, handing each event it ends to `onEvent`.
    ///
    /// - Parameters:
    ///   - chunk: The bytes, valid during the call.
    ///   - onEvent: Receives each event's id and data; returns `false` to stop.
    /// - Returns: `false` once `onEvent` asked to stop.
    mutating func feed(
        _ chunk: UnsafeRawBufferPointer,
        onEvent: (_ id: UInt64?, _ data: UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        guard let base = chunk.baseAddress else { return true }
        var start = 0
        while start < chunk.count {
            guard let found = memchr(base + start, 0x0A, chunk.count - start) else {
                partialLine.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start...]))
                break
            }
            let end = base.distance(to: UnsafeRawPointer(found))
            let goOn: Bool
            if partialLine.isEmpty {
                goOn = line(UnsafeRawBufferPointer(rebasing: chunk[start..<end]), inChunk: true, onEvent: onEvent)
            } else {
                partialLine.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
                let whole = partialLine
                partialLine.removeAll(keepingCapacity: true)
                goOn = whole.withUnsafeBytes { line($0, inChunk: false, onEvent: onEvent) }
            }
            guard goOn else { return false }
            start = end + 1
        }
        if let data = dataInChunk {
            carriedData = Array(data)
            dataInChunk = nil
        }
        return true
    }

    private mutating func line(
        _ line: UnsafeRawBufferPointer,
        inChunk: Bool,
        onEvent: (_ id: UInt64?, _ data: UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        if line.isEmpty {
            defer {
                dataInChunk = nil
                carriedData.removeAll(keepingCapacity: true)
            }
            if let data = dataInChunk {
                return onEvent(id, data)
            }
            if !carriedData.isEmpty {
                return carriedData.withUnsafeBytes { onEvent(id, $0) }
            }
        } else if line.starts(with: Self.idPrefix) {
            id = Self.number(UnsafeRawBufferPointer(rebasing: line[Self.idPrefix.count...]))
        } else if line.starts(with: Self.dataPrefix) {
            let data = UnsafeRawBufferPointer(rebasing: line[Self.dataPrefix.count...])
            if inChunk {
                dataInChunk = data
            } else {
                dataInChunk = nil
                carriedData = Array(data)
            }
        }
        return true
    }

    private static let idPrefix = Array("id: ".utf8)
    private static let dataPrefix = Array("data: ".utf8)

    private static func number(_ digits: UnsafeRawBufferPointer) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }
}

/// A failure of the measurement itself.
struct LoadError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
