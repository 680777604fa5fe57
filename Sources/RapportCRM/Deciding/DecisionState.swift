/// Everything a command is validated against: each record's current state and version, and the links between
/// records (an account's contacts and their emails, its opportunities, cases and activities).
///
/// It is a pure fold of the log: ``apply(_:to:version:)`` of every event in order rebuilds it exactly, which is
/// how the engine restores it on open.
public struct DecisionState: Sendable, Hashable {
    /// Accounts by id.
    public internal(set) var accounts = ShardedDictionary<RecordId, AccountState>()
    /// Contacts by id.
    public internal(set) var contacts = ShardedDictionary<RecordId, ContactState>()
    /// Leads by id.
    public internal(set) var leads = ShardedDictionary<RecordId, LeadState>()
    /// Opportunities by id.
    public internal(set) var opportunities = ShardedDictionary<RecordId, OpportunityState>()
    /// Cases by id.
    public internal(set) var cases = ShardedDictionary<RecordId, CaseState>()
    /// Activities and tasks by id.
    public internal(set) var activities = ShardedDictionary<RecordId, ActivityState>()
    /// Campaigns by id.
    public internal(set) var campaigns = ShardedDictionary<RecordId, CampaignState>()

    /// An empty state: no records.
    public init() {}

    /// The version of a record's stream: how many events it holds, 0 when it does not exist.
    ///
    /// - Parameter stream: The record's stream.
    /// - Returns: Its version.
    public func version(of stream: StreamName) -> UInt64 {
        switch stream.kind {
        case .account: accounts[stream.id]?.version ?? 0
        case .contact: contacts[stream.id]?.version ?? 0
        case .lead: leads[stream.id]?.version ?? 0
        case .opportunity: opportunities[stream.id]?.version ?? 0
        case .case: cases[stream.id]?.version ?? 0
        case .activity: activities[stream.id]?.version ?? 0
        case .campaign: campaigns[stream.id]?.version ?? 0
        }
    }

    /// Folds one event into the state.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - id: The id of the record whose stream holds it.
    ///   - version: The stream's version after the event.
    public mutating func apply(_ event: CRMEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .account(let event): apply(event, to: id, version: version)
        case .contact(let event): apply(event, to: id, version: version)
        case .lead(let event): apply(event, to: id, version: version)
        case .opportunity(let event): apply(event, to: id, version: version)
        case .case(let event): apply(event, to: id, version: version)
        case .activity(let event): apply(event, to: id, version: version)
        case .campaign(let event): apply(event, to: id, version: version)
        }
    }

    /// Folds events a decision produced, in order, numbering each stream's versions on from the current ones.
    ///
    /// - Parameter events: The events.
    public mutating func apply(_ events: [NewEvent]) {
        for event in events {
            apply(event.event, to: event.recordId, version: version(of: event.stream) + 1)
        }
    }
}
