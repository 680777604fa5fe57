import RapportCRM
public import RapportTime

/// One account's 360 view at a moment: its profile and hierarchy, contacts, opportunities, cases, latest
/// activities, the leads converted into it, its contacts' campaign touches, the duplicates merged into it, and
/// totals.
///
/// Its JSON form is `{"asOf", "position", "account", "parent", "children", "contacts", "opportunities": {"open",
/// "closed"}, "cases": {"open", "closed"}, "activities", "lead", "convertedLeads", "campaigns", "mergedAccounts",
/// "totals"}`; absent values are `null`, amounts numbers, times RFC 3339.
public struct AccountReport: TabularReport, Hashable {
    /// The moment ages and overdue service targets are measured at.
    public let asOf: Timestamp
    /// The number of log events folded.
    public let position: UInt64
    /// The account's profile.
    public let account: Profile
    /// The parent account, if the account has one.
    public let parent: AccountLink?
    /// The child accounts (merged ones left out), by id.
    public let children: [AccountLink]
    /// The contacts, by id.
    public let contacts: [Contact]
    /// The open opportunities, by close date, then id.
    public let openOpportunities: [Opportunity]
    /// The won and lost opportunities, latest close date first, then by id.
    public let closedOpportunities: [Opportunity]
    /// The cases still being worked (not resolved, not closed), oldest first, then by id.
    public let openCases: [Case]
    /// The resolved and closed cases, latest opened first, then by id.
    public let closedCases: [Case]
    /// The latest activities and tasks (at most 50), newest first by business time, then by id.
    public let activities: [Activity]
    /// The lead the account came from: the first lead converted into it (the one that opened it, when one did).
    public let lead: LeadConversion?
    /// Every lead converted into the account, in conversion order.
    public let convertedLeads: [LeadConversion]
    /// The campaign memberships of the account's contacts, by campaign id, then contact id.
    public let campaigns: [CampaignTouch]
    /// The duplicates merged into the account, in merge order.
    public let mergedAccounts: [MergedAccount]
    /// The totals.
    public let totals: Totals
}
