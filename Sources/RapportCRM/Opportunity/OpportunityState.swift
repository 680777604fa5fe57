/// What validation needs to know about one opportunity.
public struct OpportunityState: Sendable, Hashable {
    /// Events in the opportunity's stream.
    public var version: UInt64
    /// The account the deal is with.
    public var accountId: RecordId
    /// The current stage's name.
    public var stage: String
}
