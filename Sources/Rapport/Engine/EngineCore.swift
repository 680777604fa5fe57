import Foundation
import RapportCRM
import RapportLog
import RapportTime

/// The engine's state behind its lock: the decision state, the results of commands by `commandId`, the next
/// position the log will give, and the event id generator.
struct EngineCore {
    var decisions = DecisionState()
    var results = CommandResults()
    var nextPosition: UInt64 = 0
    var ids = EventIdGenerator()

    /// What deciding a command came to.
    enum Decided {
        /// Nothing to append: the result to report at once.
        case settled(CommandResult)
        /// Records to append, added to the caller's list; the result they will have, and the events to fold once
        /// they are queued.
        case append(CommandResult, events: [NewEvent])
    }

    /// Decides a command against the state. A command that changes nothing is settled here (and remembered
    /// under its id); one with events adds their records to `records`, and changes the state only when
    /// ``commit(_:for:)`` folds them.
    ///
    /// Personal values are sealed under their person's key (made for a new person) before they reach a record.
    /// The records are added to the caller's list, as a batch gathers them, rather than returned in one of their
    /// own that the batch would copy record by record.
    ///
    /// - Throws: ``DomainError`` when the command is refused, ``RapportError`` `key_store_failure` when a key
    ///   cannot be made; `records` is then as it was.
    mutating func decide(
        _ envelope: CommandEnvelope,
        configuration: CRMConfiguration,
        keys: PersonalDataKeys,
        addingRecordsTo records: inout [ProposedRecord]
    ) throws -> Decided {
        if let commandId = envelope.commandId, let first = results[commandId] {
            return .settled(first)
        }
        let occurredAt = envelope.occurredAt ?? Timestamp.now()
        let context = DecisionContext(occurredAt: occurredAt, actor: envelope.actor, configuration: configuration)
        let events = try decisions.decide(envelope.command, expectedVersion: envelope.expectedVersion, in: context)
        guard !events.isEmpty else {
            let unchanged = CommandResult(events: [])
            if let commandId = envelope.commandId { results[commandId] = unchanged }
            return .settled(unchanged)
        }
        let firstRecord = records.count
        do {
            let appended = try addRecords(of: events, for: envelope, occurredAt: occurredAt, keys: keys, to: &records)
            return .append(CommandResult(events: appended), events: events)
        } catch {
            records.removeSubrange(firstRecord...)
            throw error
        }
    }

    /// Adds the records of a command's events to `records`, and gives where each will land.
    private mutating func addRecords(
        of events: [NewEvent],
        for envelope: CommandEnvelope,
        occurredAt: Timestamp,
        keys: PersonalDataKeys,
        to records: inout [ProposedRecord]
    ) throws -> [CommandResult.AppendedEvent] {
        var appended: [CommandResult.AppendedEvent] = []
        appended.reserveCapacity(events.count)
        var earlier: [StreamName: UInt64] = [:]
        // The events of one command share their metadata but for the schema version, which rarely differs.
        var metadata: (version: Int, bytes: [UInt8])?
        for (index, newEvent) in events.enumerated() {
            let stream = newEvent.stream
            let before = decisions.version(of: stream) + (events.count == 1 ? 0 : earlier[stream, default: 0])
            if events.count > 1 { earlier[stream, default: 0] += 1 }
            let streamId = stream.description
            let id = ids.next(at: occurredAt)
            let sealing = try keys.seal(newEvent.event, eventId: id, stream: streamId)
            // Sealing keeps the event's type and schema version.
            let (type, version, payload) = sealing?.event.recordForm() ?? newEvent.event.recordForm()
            // An event with sealed personal data has metadata of its own; the others share theirs.
            func metadataBytes() -> [UInt8] {
                if let sealing {
                    var own = envelope.metadata(schemaVersion: version)
                    own.sealedPersonalData = sealing.sealed
                    return own.encoded()
                }
                if let metadata, metadata.version == version { return metadata.bytes }
                let bytes = envelope.metadata(schemaVersion: version).encoded()
                metadata = (version, bytes)
                return bytes
            }
            records.append(
                ProposedRecord(
                    id: id,
                    streamId: streamId,
                    type: type,
                    expectedVersion: .exact(before),
                    occurredAt: occurredAt,
                    metadata: metadataBytes(),
                    payload: payload
                )
            )
            appended.append(
                CommandResult.AppendedEvent(
                    position: nextPosition + UInt64(index),
                    stream: stream,
                    version: before + 1,
                    type: type
                )
            )
        }
        return appended
    }

    /// Folds a decision whose records were queued, and remembers its result under its command id.
    mutating func commit(_ decided: Decided, for envelope: CommandEnvelope) {
        guard case .append(let result, let events) = decided else { return }
        // Each event's stream version was worked out while deciding; looking it up again would hash the record's
        // id once more for every event.
        for (event, appended) in zip(events, result.events) {
            decisions.apply(event.event, to: event.recordId, version: appended.version)
        }
        nextPosition += UInt64(events.count)
        if let commandId = envelope.commandId {
            results[commandId] = result
        }
    }
}
