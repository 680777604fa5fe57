/// What validation needs to know about one account.
public struct AccountState: Sendable, Hashable {
    /// Whether the account can still change.
    public enum Status: Sendable, Hashable {
        case active
        case inactive
        /// Merged into the survivor, which took over everything; the account refuses changes.
        case merged(into: RecordId)
    }

    /// Events in the account's stream.
    public var version: UInt64
    /// The account's name.
    public var name: String
    /// The owning user.
    public var ownerId: RecordId
    /// The parent account.
    public var parentAccountId: RecordId?
    /// Active, inactive or merged.
    public var status: Status
    /// The account's contacts, kept by the contact events.
    public var contacts: Set<RecordId> = []
    /// The account's contacts by email key (``FieldRules/emailKey(_:)``), kept by the contact events.
    public var contactEmails: [String: RecordId] = [:]
    /// The account's opportunities, kept by the opportunity events.
    public var opportunities: Set<RecordId> = []
    /// The account's cases, kept by the case events.
    public var cases: Set<RecordId> = []
    /// The activities and tasks related to the account, kept by the activity events.
    public var activities: Set<RecordId> = []
}
