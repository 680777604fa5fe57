import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportLog
import ServiceLifecycle

/// One client's event stream: the log from a position on, filtered, written page by page as the socket takes it,
/// then live, with heartbeats while idle, until the client goes, the server shuts down or the log closes.
///
/// Memory per client is one page, or one page per core while it catches up: a client that reads slowly holds the
/// writer at its socket, and the stream reads on from the log where the client is, so it never misses an event and
/// never buffers without bound.
struct LiveEventStream: Sendable {
    /// The log read.
    let log: EventLog
    /// Which events the client wants.
    let filter: EventFilter
    /// The first position to read.
    let start: UInt64
    /// The last event id the client already holds (from its `Last-Event-ID`), if any.
    var lastId: UInt64?
    /// The time without writing after which a heartbeat is sent.
    let heartbeat: Duration
    /// The stream's place in the hub.
    let lease: StreamLease
    /// The frames shared with the other streams.
    let frames: FrameCache

    /// The most events written in one page.
    static let pageEvents = 512
    /// The most records one page scans, so a filter that rarely matches still reports progress.
    static let pageScan: UInt64 = 65_536
    /// The most pages read at once while catching up: one per core.
    static let catchUpReaders = ProcessInfo.processInfo.activeProcessorCount

    /// The streaming response.
    ///
    /// - Returns: A 200 `text/event-stream` response whose body is this stream.
    func response() -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: ServerSentEvents.mediaType,
                .cacheControl: "no-cache",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ],
            body: ResponseBody { writer in
                defer { lease.release() }
                try await write(to: &writer)
            }
        )
    }

    /// Writes the stream until it ends, sending heartbeats from a second task while idle.
    ///
    /// - Parameter writer: The response body.
    /// - Throws: What writing to the client throws (e.g. it has gone), or what reading the log throws.
    func write(to writer: inout any ResponseBodyWriter) async throws {
        let signal = lease.signal
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { await ringHeartbeats() }
                try await deliver(to: &writer)
                group.cancelAll()
            }
        } onGracefulShutdown: {
            signal.ring(.shutdown)
        }
    }

    private func deliver(to writer: inout any ResponseBodyWriter) async throws {
        var cursor = StreamCursor(next: start, lastId: lastId)
        var opening = ByteBuffer()
        ServerSentEvents.appendComment("rapport event stream from position \(start)", position: nil, to: &opening)
        try await send(opening, to: &writer)
        while true {
            let rung = lease.signal.take()
            if rung.endStream {
                return try await end(rung, cursor: cursor, writer: &writer)
            }
            let pages = try await nextPages(from: cursor.next)
            if pages.count > 1 {
                try await catchUp(from: pages, cursor: &cursor, writer: &writer)
                continue
            }
            if let page = pages.first, page.next > cursor.next {
                try await send(pages, cursor: &cursor, writer: &writer)
                continue
            }
            let reasons = await lease.signal.wait()
            if reasons.endStream {
                return try await end(reasons, cursor: cursor, writer: &writer)
            }
            if reasons.contains(.heartbeat) {
                var buffer = ByteBuffer()
                ServerSentEvents.appendComment("heartbeat", position: cursor.unannounced, to: &buffer)
                cursor.announce()
                try await send(buffer, to: &writer)
            }
        }
    }

    /// Writes batches of pages while the stream is far behind, reading each next batch while the one before is
    /// written, until a batch is a single page or the stream is ending.
    private func catchUp(
        from first: [FramePage],
        cursor: inout StreamCursor,
        writer: inout any ResponseBodyWriter
    ) async throws {
        try await withThrowingTaskGroup(of: [FramePage].self) { reads in
            var pages = first
            while true {
                let end = pages.last!.next
                reads.addTask { try await nextPages(from: end) }
                try await send(pages, cursor: &cursor, writer: &writer)
                guard let following = try await reads.next(), following.count > 1, !lease.signal.isEnding else {
                    return
                }
                pages = following
            }
        }
    }

    /// Writes pages in order, with a `scanned` comment for a page that passed over a whole scan without an event.
    private func send(
        _ pages: [FramePage],
        cursor: inout StreamCursor,
        writer: inout any ResponseBodyWriter
    ) async throws {
        for page in pages {
            let scannedWholePage = page.next - cursor.next >= Self.pageScan
            cursor.read(page)
            var buffer = page.frames
            if page.count == 0, scannedWholePage {
                ServerSentEvents.appendComment("scanned", position: cursor.unannounced, to: &buffer)
                cursor.announce()
            }
            if buffer.readableBytes > 0 {
                try await send(buffer, to: &writer)
            }
        }
        lease.advance(to: cursor.next)
    }

    /// The next pages from a position: one page, or when the stream takes every event and is at least two pages
    /// behind the log's end, one page per core read at once.
    private func nextPages(from position: UInt64) async throws -> [FramePage] {
        let end = log.endPosition
        let behind = end > position ? end - position : 0
        let readers = min(Self.catchUpReaders, Int(min(behind / UInt64(Self.pageEvents), UInt64(Int.max))))
        if filter.admitsEverything, readers > 1 {
            return try await FramePage.consecutive(
                readers,
                log: log,
                from: position,
                records: Self.pageEvents,
                filter: filter,
                cache: frames
            )
        }
        let page = try FramePage(
            log: log,
            from: position,
            limit: Self.pageEvents,
            filter: filter,
            scanLimit: Self.pageScan,
            cache: frames
        )
        return [page]
    }

    private func end(
        _ reasons: StreamSignal.Reasons,
        cursor: StreamCursor,
        writer: inout any ResponseBodyWriter
    ) async throws {
        guard reasons.contains(.shutdown) else { return }
        var buffer = ByteBuffer()
        ServerSentEvents.appendShutdown(
            position: cursor.unannounced,
            lastId: cursor.unannounced ?? cursor.lastId,
            to: &buffer
        )
        try await writer.write(buffer)
        try await writer.finish(nil)
    }

    private func send(_ buffer: ByteBuffer, to writer: inout any ResponseBodyWriter) async throws {
        try await writer.write(buffer)
        lease.signal.wrote()
    }

    /// Rings a heartbeat each time the stream has written nothing for ``heartbeat``, until cancelled.
    private func ringHeartbeats() async {
        let signal = lease.signal
        var due = signal.lastWrite + heartbeat
        while !Task.isCancelled {
            do {
                try await Task.sleep(until: due, clock: .continuous)
            } catch {
                return
            }
            let idleSince = signal.lastWrite
            if idleSince + heartbeat <= .now {
                signal.ring(.heartbeat)
                due = ContinuousClock.now + heartbeat
            } else {
                due = idleSince + heartbeat
            }
        }
    }
}
