public import RapportTime

/// A command with what comes around it: who sends it, its id for idempotency, the version the sender expects the
/// record to have, and when the change happened in business time.
///
/// Its JSON form is `{"type": "OpenOpportunity", "commandId": "...", "expectedVersion": 3, "actor": "user-7",
/// "occurredAt": "2026-03-01T09:00:00Z", "correlationId": "...", "causationId": "...", "data": {...}}`;
/// only `type`, `actor` and `data` are required. Its optional properties are spelled `Optional<Wrapped>` for the
/// reason ``EventPayload`` gives.
public struct CommandEnvelope: Sendable, Hashable {
    /// The command.
    public var command: CRMCommand
    /// Who sends it, e.g. `user-7`.
    public var actor: String
    /// The sender's id for the command: sent again, it returns the first result and appends nothing.
    public var commandId: Optional<String>
    /// The version the sender expects the command's record to have.
    public var expectedVersion: Optional<UInt64>
    /// When the change happened in business time; the time of the append when left out.
    public var occurredAt: Optional<Timestamp>
    /// The id shared by everything one business request caused.
    public var correlationId: Optional<String>
    /// The id of what caused this command.
    public var causationId: Optional<String>
    /// The import run, file and row the command was read from, copied to its events; set by importers only, so it
    /// has no place in the command's JSON form.
    public var provenance: Optional<ImportProvenance>

    /// Creates an envelope.
    ///
    /// - Parameters:
    ///   - command: The command.
    ///   - actor: Who sends it.
    ///   - commandId: The sender's id for it.
    ///   - expectedVersion: The version the sender expects the record to have.
    ///   - occurredAt: When the change happened in business time.
    ///   - correlationId: The correlation id.
    ///   - causationId: The causation id.
    ///   - provenance: Where an imported command was read from.
    public init(
        _ command: CRMCommand,
        actor: String,
        commandId: String? = nil,
        expectedVersion: UInt64? = nil,
        occurredAt: Timestamp? = nil,
        correlationId: String? = nil,
        causationId: String? = nil,
        provenance: ImportProvenance? = nil
    ) {
        self.command = command
        self.actor = actor
        self.commandId = commandId
        self.expectedVersion = expectedVersion
        self.occurredAt = occurredAt
        self.correlationId = correlationId
        self.causationId = causationId
        self.provenance = provenance
    }

    /// The metadata of the events the command causes: the caller's ids, with the command id as the causation
    /// and, when no correlation id was given, as the correlation id too, and the provenance of an imported command.
    ///
    /// - Parameter schemaVersion: The schema version of the event's payload.
    /// - Returns: The metadata.
    public func metadata(schemaVersion: Int) -> EventMetadata {
        EventMetadata(
            schemaVersion: schemaVersion,
            actor: actor,
            commandId: commandId,
            correlationId: correlationId ?? commandId,
            causationId: causationId ?? commandId,
            provenance: provenance
        )
    }
}
