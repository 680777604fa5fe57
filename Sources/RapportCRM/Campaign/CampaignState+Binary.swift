extension CampaignState: BinaryField {
    /// Writes the version, whether completed, the actual cost and the members with whether each responded.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        version.write(to: &writer)
        completed.write(to: &writer)
        actualCost.write(to: &writer)
        members.write(to: &writer)
    }

    /// Reads a campaign's state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or hold an unknown member kind.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CampaignState {
        CampaignState(
            version: try reader.read(),
            completed: try reader.read(),
            actualCost: try reader.read(),
            members: try reader.read()
        )
    }
}

extension CampaignMember: BinaryField {
    /// Writes the kind as a tag byte (0 lead, 1 contact), then the id.
    ///
    /// Events store the kind by name; a snapshot, rebuilt from the log when its form changes, takes one byte.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        switch kind {
        case .lead: writer.writeByte(0)
        case .contact: writer.writeByte(1)
        }
        id.write(to: &writer)
    }

    /// Reads a member written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The member.
    /// - Throws: ``BinaryFormatError`` when the kind's tag is unknown or the bytes end early.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> CampaignMember {
        let kind: CampaignMemberKind
        switch try reader.readByte() {
        case 0: kind = .lead
        case 1: kind = .contact
        case let tag:
            throw BinaryFormatError("campaign member kind tag \(tag) at byte \(reader.offset - 1) is not 0 or 1")
        }
        return CampaignMember(kind: kind, id: try reader.read())
    }
}
