import NIOCore
import RapportLog

/// A page of an event stream: the frames of the wanted events from a position on, ready to write, and where the
/// next page starts.
///
/// An event's frame is taken from the ``FrameCache`` when it holds it; otherwise the event is decoded, encoded and
/// its frame kept there for the other streams.
struct FramePage {
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
        next = try EventPage.scan(log, from: position, limit: limit, filter: filter, scanLimit: scanLimit) { view in
            frames.writeImmutableBuffer(try cache.frame(of: view))
            count += 1
            lastEvent = view.position
        }
        self.frames = frames
        self.count = count
        self.lastEvent = lastEvent
    }
}
