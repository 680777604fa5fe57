/// The kind of record a campaign member is, named like its stream's prefix.
public enum CampaignMemberKind: String, NamedChoice, BinaryNamedValue {
    case lead
    case contact

    /// Reads a member kind's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}

/// A member of a campaign: a lead or a contact the campaign reaches.
public struct CampaignMember: Sendable, Hashable {
    /// Whether the member is a lead or a contact.
    public var kind: CampaignMemberKind
    /// The lead's or contact's id.
    public var id: RecordId

    /// Creates a member.
    ///
    /// - Parameters:
    ///   - kind: Lead or contact.
    ///   - id: The record's id.
    public init(kind: CampaignMemberKind, id: RecordId) {
        self.kind = kind
        self.id = id
    }
}
