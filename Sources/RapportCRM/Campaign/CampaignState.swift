/// What validation needs to know about one campaign.
public struct CampaignState: Sendable, Hashable {
    /// Events in the campaign's stream.
    public var version: UInt64
}
