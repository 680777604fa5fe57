public import Rapport
import RapportCRM

/// The answer to one accepted command: the events it appended, durable, with their positions.
public struct CommandResponse: Codable, Sendable, Hashable {
    /// One appended event.
    public struct Event: Codable, Sendable, Hashable {
        /// Its global position in the log.
        public var position: UInt64
        /// The record's stream, e.g. `opportunity-o1`.
        public var stream: String
        /// The stream's version after it.
        public var version: UInt64
        /// The event type, e.g. `OpportunityOpened`.
        public var type: String
    }

    /// The events, in order; none when the command changed nothing.
    public var events: [Event]
}

extension CommandResponse {
    /// The answer for a command's result.
    ///
    /// - Parameter result: The result.
    public init(_ result: CommandResult) {
        self.init(
            events: result.events.map {
                Event(position: $0.position, stream: $0.stream.description, version: $0.version, type: $0.type)
            }
        )
    }
}
