import NIOCore
import Rapport
import RapportLog
import Synchronization

/// The event-stream frames of the most recent events, encoded once and shared by every stream that sends them.
///
/// Streams following the log live all send the same newest events; without the cache each would decode every
/// event and encode its CloudEvents JSON again. A frame is the whole event whatever a stream's filter, so one
/// frame per position serves all. The cache is a ring of slots indexed by position: it holds at most `capacity`
/// frames, and a position it no longer holds is encoded again by whoever reads it.
///
/// Frames hold personal values in clear, so an erasure empties the cache (``clear()``), and a frame encoded
/// before an erasure but stored after it is dropped instead of kept.
final class FrameCache: Sendable {
    private struct Slot {
        var position: UInt64
        var frame: ByteBuffer
    }

    private struct State {
        var slots: [Slot?]
        /// How many times the cache was emptied: a frame is kept only if none happened while it was encoded.
        var clearings: UInt64 = 0
    }

    private let capacity: Int
    private let keys: PersonalDataKeys
    private let state: Mutex<State>

    /// Creates an empty cache.
    ///
    /// - Parameters:
    ///   - capacity: The most frames held, at least 1.
    ///   - keys: The keys that open the events' personal values.
    init(capacity: Int, keys: PersonalDataKeys) {
        precondition(capacity >= 1, "a frame cache holds at least one frame")
        self.capacity = capacity
        self.keys = keys
        self.state = Mutex(State(slots: Array(repeating: nil, count: capacity)))
    }

    /// Drops every frame: personal data was erased, and frames encoded before may hold it.
    func clear() {
        state.withLock { state in
            state.slots = Array(repeating: nil, count: capacity)
            state.clearings += 1
        }
    }

    /// The frame of the event at a position, when the cache holds it.
    ///
    /// - Parameter position: The event's global position.
    /// - Returns: Its frame, or `nil`.
    func frame(at position: UInt64) -> ByteBuffer? {
        let index = slotIndex(position)
        return state.withLock { state in
            guard let slot = state.slots[index], slot.position == position else { return nil }
            return slot.frame
        }
    }

    /// Keeps the frame of the event at a position, in place of the one its slot held.
    ///
    /// - Parameters:
    ///   - frame: The frame.
    ///   - position: The event's global position.
    ///   - clearings: How many clearings the cache had seen when the frame's encoding began; the frame is dropped
    ///     when another happened since.
    func store(_ frame: ByteBuffer, at position: UInt64, encodedAfter clearings: UInt64) {
        let index = slotIndex(position)
        state.withLock { state in
            guard state.clearings == clearings else { return }
            state.slots[index] = Slot(position: position, frame: frame)
        }
    }

    /// The frame of a record's event: the one kept, or else encoded now and kept for the other streams.
    ///
    /// - Parameter view: The record.
    /// - Returns: Its frame.
    /// - Throws: ``RapportError`` `unreadable_event`, or what encoding the event throws.
    func frame(of view: RecordView) throws -> ByteBuffer {
        if let frame = frame(at: view.position) { return frame }
        let clearings = state.withLock { $0.clearings }
        var frame = ByteBuffer()
        try appendUnsharedFrame(of: view, to: &frame)
        store(frame, at: view.position, encodedAfter: clearings)
        return frame
    }

    /// Appends the frame of a record's event, encoded without looking in the cache or keeping it: for a stream
    /// catching up far behind the log's end, whose frames no live stream wants, so that it neither takes the cache's
    /// lock per event nor pushes out the newest frames the live streams share.
    ///
    /// - Parameters:
    ///   - view: The record.
    ///   - buffer: Where to write.
    /// - Throws: ``RapportError`` `unreadable_event`, or what encoding the event throws.
    func appendUnsharedFrame(of view: RecordView, to buffer: inout ByteBuffer) throws {
        try ServerSentEvents.append(EventReading.event(in: view, keys: keys), to: &buffer)
    }

    /// Whether frames from `position` on are among the newest the cache keeps, with the log ending at `end`.
    ///
    /// - Parameters:
    ///   - position: The first position of a read.
    ///   - end: The log's end position.
    /// - Returns: `true` when the cache may hold or keep them.
    func keepsFrames(from position: UInt64, end: UInt64) -> Bool {
        position + UInt64(capacity) >= end
    }

    /// Encodes the frames of the events in `[start, end)` and keeps them, so that the streams woken for those
    /// events all find them here instead of each encoding them at the same moment.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - start: The first position.
    ///   - end: The position after the last.
    /// - Throws: ``LogError`` when the log can not be read, or what decoding or encoding an event throws.
    func encode(from start: UInt64, to end: UInt64, of log: EventLog) throws {
        guard end > start else { return }
        try log.scan(from: start, limit: end - start) { view in
            _ = try frame(of: view)
            return true
        }
    }

    private func slotIndex(_ position: UInt64) -> Int {
        Int(position % UInt64(capacity))
    }
}
