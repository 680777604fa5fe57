extension CaseState: BinaryField {
    /// Writes every field in declaration order; the status and priority as tag bytes.
    ///
    /// Events store those by name, so that a new status never changes how old events read; a snapshot is only a
    /// cache of the log, rebuilt when its form changes, so it takes the single byte.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        version.write(to: &writer)
        accountId.write(to: &writer)
        contactId.write(to: &writer)
        ownerId.write(to: &writer)
        escalationLevel.write(to: &writer)
        holdStartedAt.write(to: &writer)
        writer.writeByte(status.tag)
        writer.writeByte(priority.tag)
        responded.write(to: &writer)
    }

    /// Reads a case's state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or hold an unknown status or priority.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CaseState {
        CaseState(
            version: try reader.read(),
            accountId: try reader.read(),
            contactId: try reader.read(),
            ownerId: try reader.read(),
            escalationLevel: try reader.read(),
            holdStartedAt: try reader.read(),
            status: try CaseStatus(tagFrom: &reader),
            priority: try CasePriority(tagFrom: &reader),
            responded: try reader.read()
        )
    }
}

extension CaseStatus {
    /// The status's tag byte in a snapshot.
    fileprivate var tag: UInt8 {
        switch self {
        case .new: 0
        case .working: 1
        case .escalated: 2
        case .onHold: 3
        case .resolved: 4
        case .closed: 5
        }
    }

    /// Reads a status's tag byte.
    fileprivate init(tagFrom reader: inout ByteReader) throws(BinaryFormatError) {
        switch try reader.readByte() {
        case 0: self = .new
        case 1: self = .working
        case 2: self = .escalated
        case 3: self = .onHold
        case 4: self = .resolved
        case 5: self = .closed
        case let tag: throw BinaryFormatError("case status tag \(tag) at byte \(reader.offset - 1) is not 0 to 5")
        }
    }
}

extension CasePriority {
    /// The priority's tag byte in a snapshot.
    fileprivate var tag: UInt8 {
        switch self {
        case .critical: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        }
    }

    /// Reads a priority's tag byte.
    fileprivate init(tagFrom reader: inout ByteReader) throws(BinaryFormatError) {
        switch try reader.readByte() {
        case 0: self = .critical
        case 1: self = .high
        case 2: self = .medium
        case 3: self = .low
        case let tag: throw BinaryFormatError("case priority tag \(tag) at byte \(reader.offset - 1) is not 0 to 3")
        }
    }
}
