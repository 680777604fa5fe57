import RapportCRM
import RapportLog

extension EngineCore {
    /// Folds one event read from the log: into the decision state, and into the result of the command that
    /// caused it.
    ///
    /// - Parameter recorded: The event at ``nextPosition``.
    /// - Throws: ``RapportError`` `unreadable_event` when the event's kind does not match its stream's.
    mutating func fold(_ recorded: RecordedEvent) throws {
        guard recorded.stream.kind == recorded.event.kind else {
            throw RapportError(
                .unreadableEvent,
                "the record at position \(recorded.position) holds a \(recorded.event.eventType) in stream "
                    + "\(recorded.stream), which is not a \(recorded.event.kind.rawValue) stream"
            )
        }
        decisions.apply(recorded.event, to: recorded.stream.id, version: recorded.streamVersion)
        if let commandId = recorded.metadata.commandId {
            let appended = CommandResult.AppendedEvent(
                position: recorded.position,
                stream: recorded.stream,
                version: recorded.streamVersion,
                type: recorded.event.eventType
            )
            results[commandId, default: CommandResult(events: [])].events.append(appended)
        }
        nextPosition = recorded.position + 1
    }
}
