/// A lead or contact became a member of the campaign.
public struct CampaignMemberAdded: EventPayload {
    public static let eventType = "CampaignMemberAdded"

    /// Whether the member is a lead or a contact.
    public var memberKind: CampaignMemberKind
    /// The lead's or contact's id.
    public var memberId: RecordId

    /// Creates the event.
    ///
    /// - Parameter member: The new member.
    public init(_ member: CampaignMember) {
        self.memberKind = member.kind
        self.memberId = member.id
    }

    /// The new member.
    public var member: CampaignMember { CampaignMember(kind: memberKind, id: memberId) }

    public func encode(to writer: inout ByteWriter) {
        writer.write(memberKind)
        writer.write(memberId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("memberId", memberId)
        object.member("memberKind", memberKind)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(CampaignMember(kind: try reader.read(), id: try reader.read()))
    }
}

/// A member of the campaign responded, e.g. registered or clicked.
public struct CampaignResponseRecorded: EventPayload {
    public static let eventType = "CampaignResponseRecorded"

    /// Whether the member is a lead or a contact.
    public var memberKind: CampaignMemberKind
    /// The lead's or contact's id.
    public var memberId: RecordId

    /// Creates the event.
    ///
    /// - Parameter member: The member who responded.
    public init(_ member: CampaignMember) {
        self.memberKind = member.kind
        self.memberId = member.id
    }

    /// The member who responded.
    public var member: CampaignMember { CampaignMember(kind: memberKind, id: memberId) }

    public func encode(to writer: inout ByteWriter) {
        writer.write(memberKind)
        writer.write(memberId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("memberId", memberId)
        object.member("memberKind", memberKind)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(CampaignMember(kind: try reader.read(), id: try reader.read()))
    }
}
