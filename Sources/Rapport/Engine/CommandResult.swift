public import RapportCRM

/// The results of commands by their `commandId`, kept for idempotency: in parts, so that the engine never rehashes
/// them all at once while it holds its state for a command.
public typealias CommandResults = ShardedDictionary<String, CommandResult>

/// What a command accepted by the engine did: the events it appended, in order (none when it changed nothing).
public struct CommandResult: Sendable, Hashable {
    /// One appended event.
    public struct AppendedEvent: Sendable, Hashable {
        /// The event's global position.
        public var position: UInt64
        /// The record's stream.
        public var stream: StreamName
        /// The record's version after the event.
        public var version: UInt64
        /// The event type's name.
        public var type: String

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - position: The global position.
        ///   - stream: The record's stream.
        ///   - version: The record's version after the event.
        ///   - type: The event type.
        public init(position: UInt64, stream: StreamName, version: UInt64, type: String) {
            self.position = position
            self.stream = stream
            self.version = version
            self.type = type
        }
    }

    /// The events, in log order.
    public var events: [AppendedEvent]

    /// Creates a result.
    ///
    /// - Parameter events: The appended events.
    public init(events: [AppendedEvent]) {
        self.events = events
    }

    /// The events' positions.
    public var positions: [UInt64] { events.map(\.position) }
}
