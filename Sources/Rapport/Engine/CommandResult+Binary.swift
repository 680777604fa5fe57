public import RapportCRM

extension CommandResult: BinaryField {
    /// Writes the appended events, in order.
    ///
    /// The list is written here rather than by the generic `Array` form, which is not specialised outside
    /// RapportCRM.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(events.count))
        for event in events { event.write(to: &writer) }
    }

    /// Reads a result written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The result.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or are damaged.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CommandResult {
        let count = try reader.readCount()
        var events: [AppendedEvent] = []
        events.reserveCapacity(count)
        for _ in 0..<count { events.append(try AppendedEvent.read(from: &reader)) }
        return CommandResult(events: events)
    }
}

extension CommandResult.AppendedEvent: BinaryField {
    /// The known event types by name, so that a type read back shares the catalog's text instead of keeping a
    /// copy of its own for every event of every remembered command.
    private static let knownTypes = Dictionary(uniqueKeysWithValues: CRMEvent.eventTypes.map { ($0, $0) })

    /// Writes the position, the stream as its kind's tag byte and the id, the version and the event type's name.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(position)
        writer.writeByte(UInt8(stream.kind.number))
        writer.writeString(stream.id.text)
        writer.writeVarint(version)
        writer.writeString(type)
    }

    /// Reads an entry written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The entry.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or hold an unknown record kind.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CommandResult.AppendedEvent {
        let position = try reader.readVarint()
        let kind = try readKind(from: &reader)
        let stream = StreamName(kind, RecordId(unchecked: try reader.readString()))
        let version = try reader.readVarint()
        let type = try reader.readString()
        return CommandResult.AppendedEvent(
            position: position,
            stream: stream,
            version: version,
            type: knownTypes[type] ?? type
        )
    }

    private static func readKind(from reader: inout ByteReader) throws(BinaryFormatError) -> RecordKind {
        let tag = try reader.readByte()
        guard Int(tag) < RecordKind.allCases.count else {
            throw BinaryFormatError("record kind tag \(tag) at byte \(reader.offset - 1) is not 0 to 6")
        }
        return RecordKind.allCases[Int(tag)]
    }
}
