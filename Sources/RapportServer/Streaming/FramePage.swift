import NIOCore
import Rapport
import RapportLog

/// A page of an event stream: the frames of the wanted events from a position on, ready to write, and where the
/// next page starts.
///
/// An event's frame is taken from the ``FrameCache`` when it holds it; otherwise the event is decoded, encoded and
/// its frame kept there for the other streams.
struct FramePage {
    /// The frames, in log order.
    var frames = ByteBuffer()
    /// The number of events in ``frames``.
    var count = 0
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
        next = position
        do {
            try log.scan(from: position, limit: scanLimit) { view in
                guard count < limit else { return false }
                next = view.position + 1
                guard filter.admits(view) else { return true }
                if let frame = cache.frame(at: view.position) {
                    frames.writeImmutableBuffer(frame)
                } else {
                    var frame = ByteBuffer()
                    try ServerSentEvents.append(EventReading.event(in: view), to: &frame)
                    cache.store(frame, at: view.position)
                    frames.writeImmutableBuffer(frame)
                }
                count += 1
                lastEvent = view.position
                return true
            }
        } catch let error as LogError {
            throw RapportError(.logFailure, "the log could not be read from position \(position): \(error)")
        }
    }
}
