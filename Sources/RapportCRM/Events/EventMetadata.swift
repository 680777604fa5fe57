/// Who and what caused an event, kept beside it in the log's record metadata.
///
/// The event's id, stream, version, position, type and both times are part of the log record itself; this
/// holds the rest of the envelope: the schema version of the payload, the actor, and the command, correlation
/// and causation ids that let an auditor trace every change back to its request, and for imported events the
/// import run, file and row they were read from. An event holding personal data has it here, encrypted
/// (``sealedPersonalData``), and not in its payload. Its optional properties are spelled `Optional<Wrapped>` for
/// the reason ``EventPayload`` gives.
public struct EventMetadata: Sendable, Hashable {
    /// The schema version the payload was written with.
    public var schemaVersion: Int
    /// Who asked for the change, e.g. `user-7`.
    public var actor: String
    /// The id of the command that produced the event, when the caller gave one.
    public var commandId: Optional<String>
    /// The id shared by everything that one business request caused.
    public var correlationId: Optional<String>
    /// The id of what directly caused the event (a command or another event).
    public var causationId: Optional<String>
    /// The import run, file and row the event was read from; only imported events have one.
    public var provenance: Optional<ImportProvenance>
    /// The personal values the payload leaves out (see ``PersonalData``), encrypted under the key of the
    /// record's person: opaque to the domain, sealed and opened by the engine.
    public var sealedPersonalData: Optional<[UInt8]>

    /// Creates metadata.
    ///
    /// - Parameters:
    ///   - schemaVersion: The payload's schema version.
    ///   - actor: Who asked for the change.
    ///   - commandId: The command's id.
    ///   - correlationId: The correlation id.
    ///   - causationId: The causation id.
    ///   - provenance: Where an imported event came from.
    ///   - sealedPersonalData: The encrypted personal values.
    public init(
        schemaVersion: Int,
        actor: String,
        commandId: String? = nil,
        correlationId: String? = nil,
        causationId: String? = nil,
        provenance: ImportProvenance? = nil,
        sealedPersonalData: [UInt8]? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.actor = actor
        self.commandId = commandId
        self.correlationId = correlationId
        self.causationId = causationId
        self.provenance = provenance
        self.sealedPersonalData = sealedPersonalData
    }
}

extension EventMetadata {
    private static let hasCommandId: UInt8 = 1
    private static let hasCorrelationId: UInt8 = 2
    private static let hasCausationId: UInt8 = 4
    private static let hasProvenance: UInt8 = 8
    private static let hasSealedPersonalData: UInt8 = 16
    private static let knownFlags: UInt8 = 31

    /// The binary form: a flags byte saying which optional fields follow, the schema version, the actor, then the
    /// present ids in order, then the provenance when present (batch id, file, row), then the sealed personal
    /// data when present (its length and bytes). Metadata without a provenance or sealed data has the bytes it had
    /// before they existed.
    ///
    /// - Returns: The bytes.
    public func encoded() -> [UInt8] {
        let idsLength = (commandId?.utf8.count ?? 0) + (correlationId?.utf8.count ?? 0) + (causationId?.utf8.count ?? 0)
        let provenanceLength = provenance.map { 24 + $0.batchId.utf8.count + $0.file.utf8.count } ?? 0
        let sealedLength = sealedPersonalData.map { 8 + $0.count } ?? 0
        var writer = ByteWriter(capacity: 16 + actor.utf8.count + idsLength + provenanceLength + sealedLength)
        var flags: UInt8 = 0
        if commandId != nil { flags |= Self.hasCommandId }
        if correlationId != nil { flags |= Self.hasCorrelationId }
        if causationId != nil { flags |= Self.hasCausationId }
        if provenance != nil { flags |= Self.hasProvenance }
        if sealedPersonalData != nil { flags |= Self.hasSealedPersonalData }
        writer.writeByte(flags)
        writer.writeVarint(UInt64(schemaVersion))
        writer.writeString(actor)
        if let commandId { writer.writeString(commandId) }
        if let correlationId { writer.writeString(correlationId) }
        if let causationId { writer.writeString(causationId) }
        if let provenance {
            writer.writeString(provenance.batchId)
            writer.writeString(provenance.file)
            writer.writeVarint(provenance.row)
        }
        if let sealedPersonalData { writer.writeBytes(sealedPersonalData) }
        return writer.bytes
    }

    /// Reads the binary form.
    ///
    /// - Parameter bytes: The record's metadata bytes.
    /// - Throws: ``BinaryFormatError`` when they do not hold metadata.
    public init(decoding bytes: UnsafeRawBufferPointer) throws(BinaryFormatError) {
        var reader = ByteReader(bytes)
        let flags = try reader.readByte()
        guard flags & ~Self.knownFlags == 0 else {
            throw BinaryFormatError("metadata flags \(flags) name fields this version does not know")
        }
        let version = try reader.readVarint()
        guard version >= 1, version <= UInt64(UInt16.max) else {
            throw BinaryFormatError("schema version \(version) is out of range")
        }
        let actor = try reader.readString()
        let commandId = flags & Self.hasCommandId != 0 ? try reader.readString() : nil
        let correlationId = flags & Self.hasCorrelationId != 0 ? try reader.readString() : nil
        let causationId = flags & Self.hasCausationId != 0 ? try reader.readString() : nil
        var provenance: ImportProvenance?
        if flags & Self.hasProvenance != 0 {
            provenance = ImportProvenance(
                batchId: try reader.readString(),
                file: try reader.readString(),
                row: try reader.readVarint()
            )
        }
        var sealedPersonalData: [UInt8]?
        if flags & Self.hasSealedPersonalData != 0 {
            sealedPersonalData = try reader.withBytes { (section) throws(BinaryFormatError) in
                section.withRemainingBytes { Array($0) }
            }
        }
        guard reader.isAtEnd else { throw BinaryFormatError("metadata has bytes after its last field") }
        self.init(
            schemaVersion: Int(version),
            actor: actor,
            commandId: commandId,
            correlationId: correlationId,
            causationId: causationId,
            provenance: provenance,
            sealedPersonalData: sealedPersonalData
        )
    }
}
