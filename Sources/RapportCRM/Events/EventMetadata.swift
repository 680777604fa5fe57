/// Who and what caused an event, kept beside it in the log's record metadata.
///
/// The event's id, stream, version, position, type and both times are part of the log record itself; this
/// holds the rest of the envelope: the schema version of the payload, the actor, and the command, correlation
/// and causation ids that let an auditor trace every change back to its request, and for imported events the
/// import run, file and row they were read from.
public struct EventMetadata: Sendable, Hashable {
    /// The schema version the payload was written with.
    public var schemaVersion: Int
    /// Who asked for the change, e.g. `user-7`.
    public var actor: String
    /// The id of the command that produced the event, when the caller gave one.
    public var commandId: String?
    /// The id shared by everything that one business request caused.
    public var correlationId: String?
    /// The id of what directly caused the event (a command or another event).
    public var causationId: String?
    /// The import run, file and row the event was read from; only imported events have one.
    public var provenance: ImportProvenance?

    /// Creates metadata.
    ///
    /// - Parameters:
    ///   - schemaVersion: The payload's schema version.
    ///   - actor: Who asked for the change.
    ///   - commandId: The command's id.
    ///   - correlationId: The correlation id.
    ///   - causationId: The causation id.
    ///   - provenance: Where an imported event came from.
    public init(
        schemaVersion: Int,
        actor: String,
        commandId: String? = nil,
        correlationId: String? = nil,
        causationId: String? = nil,
        provenance: ImportProvenance? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.actor = actor
        self.commandId = commandId
        self.correlationId = correlationId
        self.causationId = causationId
        self.provenance = provenance
    }
}

extension EventMetadata {
    private static let hasCommandId: UInt8 = 1
    private static let hasCorrelationId: UInt8 = 2
    private static let hasCausationId: UInt8 = 4
    private static let hasProvenance: UInt8 = 8
    private static let knownFlags: UInt8 = 15

    /// The binary form: a flags byte saying which optional fields follow, the schema version, the actor, then the
    /// present ids in order, then the provenance when present (batch id, file, row). Metadata without a
    /// provenance has the bytes it had before provenances existed.
    ///
    /// - Returns: The bytes.
    public func encoded() -> [UInt8] {
        let idsLength = (commandId?.utf8.count ?? 0) + (correlationId?.utf8.count ?? 0) + (causationId?.utf8.count ?? 0)
        let provenanceLength = provenance.map { 24 + $0.batchId.utf8.count + $0.file.utf8.count } ?? 0
        var writer = ByteWriter(capacity: 16 + actor.utf8.count + idsLength + provenanceLength)
        var flags: UInt8 = 0
        if commandId != nil { flags |= Self.hasCommandId }
        if correlationId != nil { flags |= Self.hasCorrelationId }
        if causationId != nil { flags |= Self.hasCausationId }
        if provenance != nil { flags |= Self.hasProvenance }
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
        schemaVersion = Int(version)
        actor = try reader.readString()
        commandId = flags & Self.hasCommandId != 0 ? try reader.readString() : nil
        correlationId = flags & Self.hasCorrelationId != 0 ? try reader.readString() : nil
        causationId = flags & Self.hasCausationId != 0 ? try reader.readString() : nil
        if flags & Self.hasProvenance != 0 {
            provenance = ImportProvenance(
                batchId: try reader.readString(),
                file: try reader.readString(),
                row: try reader.readVarint()
            )
        } else {
            provenance = nil
        }
        guard reader.isAtEnd else { throw BinaryFormatError("metadata has bytes after its last field") }
    }
}
