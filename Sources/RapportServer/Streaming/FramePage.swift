import NIOCore
import RapportLog

/// A page of an event stream: the frames of the wanted events from a position on, ready to write, and where the
/// next page starts.
///
/// An event's frame is taken from the ``FrameCache`` when it holds it; otherwise the event is decoded, encoded and
/// its frame kept there for the other streams. A page further behind the log's end than the cache reaches is
/// encoded without the cache.
struct FramePage: Sendable {
    /// The frames, in log order.
    var frames: ByteBuffer
    /// The number of events in ``frames``.
    var count: Int
    /// The position of the last event in ``frames``, if there is one.
    var lastEvent: UInt64?
    /// The position to read from next: one past the last record scanned.
    var next: UInt64

    /// Reads a page.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - position: The first position to look at.
    ///   - limit: The most events in the page.
    ///   - filter: Which events are wanted.
    ///   - scanLimit: The most records to look at.
    ///   - cache: The shared frames.
    /// - Throws: ``RapportError`` `log_failure` or `unreadable_event`, or what encoding an event throws.
    init(
        log: EventLog,
        from position: UInt64,
        limit: Int,
        filter: EventFilter,
        scanLimit: UInt64,
        cache: FrameCache
    ) throws {
        var frames = ByteBuffer()
        var count = 0
        var lastEvent: UInt64?
        let shared = cache.keepsFrames(from: position, end: log.endPosition)
        next = try EventPage.scan(log, from: position, limit: limit, filter: filter, scanLimit: scanLimit) { view in
            if shared {
                frames.writeImmutableBuffer(try cache.frame(of: view))
            } else {
                try cache.appendUnsharedFrame(of: view, to: &frames)
            }
            count += 1
            lastEvent = view.position
        }
        self.frames = frames
        self.count = count
        self.lastEvent = lastEvent
    }

    /// Reads consecutive pages of `records` records each at once, one task per page, so that a stream far behind
    /// the log's end decodes and encodes on every core.
    ///
    /// Every record of the pages must already be in the log: a page ending short would leave a gap before the next.
    ///
    /// - Parameters:
    ///   - count: The number of pages.
    ///   - log: The log.
    ///   - position: The first position of the first page.
    ///   - records: The records in each page, which is also the most events each holds.
    ///   - filter: Which events are wanted.
    ///   - cache: The shared frames.
    /// - Returns: The pages, in log order.
    /// - Throws: What reading a page throws.
    static func consecutive(
        _ count: Int,
        log: EventLog,
        from position: UInt64,
        records: Int,
        filter: EventFilter,
        cache: FrameCache
    ) async throws -> [FramePage] {
        try await withThrowingTaskGroup(of: (Int, FramePage).self) { group in
            for index in 0..<count {
                group.addTask {
                    let start = position + UInt64(index * records)
                    let page = try FramePage(
                        log: log,
                        from: start,
                        limit: records,
                        filter: filter,
                        scanLimit: UInt64(records),
                        cache: cache
                    )
                    return (index, page)
                }
            }
            var pages: [(Int, FramePage)] = []
            for try await page in group {
                pages.append(page)
            }
            return pages.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
