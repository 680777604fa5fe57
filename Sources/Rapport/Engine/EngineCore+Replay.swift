import RapportCRM
import RapportLog

extension EngineCore {
    /// Rebuilds the state by folding every event of the log in order.
    ///
    /// - Parameter log: The log.
    /// - Returns: The state as of the log's end.
    /// - Throws: ``RapportError`` with code `unreadable_event` or `log_failure`.
    static func replaying(_ log: EventLog) throws -> EngineCore {
        var core = EngineCore()
        try EventReading.scan(log) { view in
            try core.fold(view)
            return true
        }
        core.nextPosition = log.endPosition
        return core
    }

    /// Folds one record read from the log.
    private mutating func fold(_ view: RecordView) throws {
        let (metadata, event) = try EventReading.contents(
            type: view.typeBytes,
            metadata: view.metadataBytes,
            payload: view.payloadBytes,
            position: view.position,
            streamId: view.streamId
        )
        let prefixLength = event.kind.streamPrefix.utf8.count
        let streamBytes = view.streamIdBytes
        guard streamBytes.count > prefixLength,
            streamBytes.prefix(prefixLength).elementsEqual(event.kind.streamPrefix.utf8)
        else {
            throw RapportError(
                .unreadableEvent,
                "the record at position \(view.position) holds a \(event.eventType) in stream \(view.streamId), "
                    + "which is not a \(event.kind.rawValue) stream"
            )
        }
        let id = RecordId(
            unchecked: String(decoding: UnsafeRawBufferPointer(rebasing: streamBytes[prefixLength...]), as: UTF8.self)
        )
        decisions.apply(event, to: id, version: view.streamVersion)
        if let commandId = metadata.commandId {
            remember(view, of: event, under: commandId)
        }
    }

    /// Adds an event to the result of the command that caused it.
    private mutating func remember(_ view: RecordView, of event: CRMEvent, under commandId: String) {
        guard let stream = try? StreamName(parsing: view.streamId) else { return }
        let appended = CommandResult.AppendedEvent(
            position: view.position,
            stream: stream,
            version: view.streamVersion,
            type: event.eventType
        )
        results[commandId, default: CommandResult(events: [])].events.append(appended)
    }
}
