/// What validation needs to know about one campaign.
public struct CampaignState: Sendable, Hashable {
    /// Events in the campaign's stream.
    public var version: UInt64
    /// Whether the campaign was completed, after which it takes no changes.
    public var completed = false
    /// The total actual cost recorded last, if any was.
    public var actualCost: Money?
    /// The members, each with whether it has responded.
    public var members: [CampaignMember: Bool] = [:]
}
