import RapportCRM
public import RapportTime

/// How far a fold of the log has come: the position after the last event folded, that event's record time, and
/// the latest business time of any event folded.
public struct FoldProgress: Sendable, Hashable {
    /// The position of the next event to fold: the number of events read so far.
    public var position: UInt64 = 0
    /// The record time of the last event folded.
    public var lastRecordedAt: Timestamp?
    /// The latest business time among the events folded.
    public var latestOccurredAt: Timestamp?

    /// Nothing folded yet.
    public init() {}

    /// Creates a progress.
    ///
    /// - Parameters:
    ///   - position: The position of the next event to fold.
    ///   - lastRecordedAt: The record time of the last event folded.
    ///   - latestOccurredAt: The latest business time folded.
    public init(position: UInt64, lastRecordedAt: Timestamp?, latestOccurredAt: Timestamp?) {
        self.position = position
        self.lastRecordedAt = lastRecordedAt
        self.latestOccurredAt = latestOccurredAt
    }

    /// Notes that an event was read (folded or, outside a time window, passed over).
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - folded: Whether it was folded; only folded events move the latest business time.
    mutating func advance(past event: RecordedEvent, folded: Bool = true) {
        advance(position: event.position, recordedAt: event.recordedAt, occurredAt: event.occurredAt, folded: folded)
    }

    /// Notes that an event, given by its position and its two times, was read.
    ///
    /// - Parameters:
    ///   - position: The event's position.
    ///   - recordedAt: Its record time.
    ///   - occurredAt: Its business time.
    ///   - folded: Whether it counts as folded; only those move the latest business time.
    mutating func advance(position: UInt64, recordedAt: Timestamp, occurredAt: Timestamp, folded: Bool) {
        self.position = position + 1
        lastRecordedAt = recordedAt
        if folded, latestOccurredAt.map({ occurredAt > $0 }) ?? true {
            latestOccurredAt = occurredAt
        }
    }
}
