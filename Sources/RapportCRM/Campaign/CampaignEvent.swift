/// The events of a campaign's stream.
public enum CampaignEvent: Sendable, Hashable {
    case launched(CampaignLaunched)
    case memberAdded(CampaignMemberAdded)
    case responseRecorded(CampaignResponseRecorded)
    case costRecorded(CampaignCostRecorded)
    case completed(CampaignCompleted)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .launched(let event): event
        case .memberAdded(let event): event
        case .responseRecorded(let event): event
        case .costRecorded(let event): event
        case .completed(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(CampaignLaunched.self) { .campaign(.launched($0)) },
        .init(CampaignMemberAdded.self) { .campaign(.memberAdded($0)) },
        .init(CampaignResponseRecorded.self) { .campaign(.responseRecorded($0)) },
        .init(CampaignCostRecorded.self) { .campaign(.costRecorded($0)) },
        .init(CampaignCompleted.self) { .campaign(.completed($0)) },
    ]
}
