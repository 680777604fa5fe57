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
    /// The parent account; none once the account is merged, since it then leaves the hierarchy.
    public var parentAccountId: RecordId?
    /// Active, inactive or merged.
    public var status: Status
    /// The account's type, as a digest: enough to tell whether an update changes it.
    public var type: TextDigest
    /// The industry, as a digest.
    public var industry: TextDigest
    /// The web site, as a digest.
    public var website: TextDigest
    /// Yearly revenue.
    public var annualRevenue: Money?
    /// Number of employees.
    public var employees: Int?
    /// The billing country, as a digest.
    public var billingCountry: TextDigest
    /// The sales territory, as a digest.
    public var territory: TextDigest
    /// The accounts whose parent this one is, kept by the account events, so that a merge finds them at once.
    public var children: Set<RecordId> = []
    /// The account's contacts, kept by the contact events.
    public var contacts: Set<RecordId> = []
    /// The account's contacts by email key (``FieldRules/emailKey(_:)``): for each key, the contact holding it,
    /// the first to have it. Kept by the contact events through ``indexContactEmail(_:of:)``.
    public var contactEmails: [String: RecordId] = [:]
    /// The other contacts sharing an email key that ``contactEmails`` already holds, by key.
    ///
    /// Only a merge brings two contacts with the same email into one account (commands refuse it otherwise);
    /// this keeps both known, so when one leaves or changes its email the other still holds the key. Empty for
    /// almost every account.
    public var sharedContactEmails: [String: Set<RecordId>] = [:]
    /// The account's opportunities, kept by the opportunity events.
    public var opportunities: Set<RecordId> = []
    /// The account's cases, kept by the case events.
    public var cases: Set<RecordId> = []
    /// The activities and tasks related to the account, kept by the activity events.
    public var activities: Set<RecordId> = []
}
