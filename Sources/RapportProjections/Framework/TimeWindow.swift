public import RapportCRM
public import RapportTime

/// Which part of the history a read model is asked for, on both time axes: up to a log position, as known at a
/// record time (events the log had recorded by then: what the system knew), and as of a business time (events
/// that had occurred by then, which differs for imported or back-dated history). Bounds combine; an event is
/// in the window when it passes every bound given.
public struct TimeWindow: Sendable, Hashable, CustomStringConvertible {
    /// The last log position included.
    public var at: UInt64?
    /// The last record time included.
    public var knownAt: Timestamp?
    /// The last business time included.
    public var asOf: Timestamp?

    /// Creates a window; with no bound, it is the whole history.
    ///
    /// - Parameters:
    ///   - at: The last log position included.
    ///   - knownAt: The last record time included.
    ///   - asOf: The last business time included.
    public init(at: UInt64? = nil, knownAt: Timestamp? = nil, asOf: Timestamp? = nil) {
        self.at = at
        self.knownAt = knownAt
        self.asOf = asOf
    }

    /// The whole history, as it grows.
    public static let live = TimeWindow()

    /// Whether the window is the whole history.
    public var isLive: Bool { at == nil && knownAt == nil && asOf == nil }

    /// Whether an event is inside the window.
    ///
    /// - Parameter event: The event.
    /// - Returns: `true` when it passes every bound.
    public func includes(_ event: RecordedEvent) -> Bool {
        includes(position: event.position, recordedAt: event.recordedAt, occurredAt: event.occurredAt)
    }

    /// Whether an event, given by its position and its two times, is inside the window.
    ///
    /// - Parameters:
    ///   - position: The event's log position.
    ///   - recordedAt: Its record time.
    ///   - occurredAt: Its business time.
    /// - Returns: `true` when it passes every bound.
    public func includes(position: UInt64, recordedAt: Timestamp, occurredAt: Timestamp) -> Bool {
        if let at, position > at { return false }
        if let knownAt, recordedAt > knownAt { return false }
        if let asOf, occurredAt > asOf { return false }
        return true
    }

    /// Whether no later event in log order can be inside the window: the position or the record time (which
    /// only grows along the log) is past its bound. Business time gives no such promise.
    ///
    /// - Parameter event: An event read in log order.
    /// - Returns: `true` when reading can stop.
    public func endsBefore(_ event: RecordedEvent) -> Bool {
        endsBefore(position: event.position, recordedAt: event.recordedAt)
    }

    /// Whether no later event in log order can be inside the window, for an event given by its position and its
    /// record time.
    ///
    /// - Parameters:
    ///   - position: The event's log position.
    ///   - recordedAt: Its record time.
    /// - Returns: `true` when reading can stop.
    public func endsBefore(position: UInt64, recordedAt: Timestamp) -> Bool {
        if let at, position > at { return true }
        if let knownAt, recordedAt > knownAt { return true }
        return false
    }

    public var description: String {
        var bounds: [String] = []
        if let at { bounds.append("at position \(at)") }
        if let knownAt { bounds.append("known at \(knownAt)") }
        if let asOf { bounds.append("as of \(asOf)") }
        return bounds.isEmpty ? "live" : bounds.joined(separator: ", ")
    }
}
