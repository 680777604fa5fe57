/// The events of a campaign's stream.
public enum CampaignEvent: EventCases, Hashable {
    case launched(CampaignLaunched)
    case memberAdded(CampaignMemberAdded)
    case responseRecorded(CampaignResponseRecorded)
    case costRecorded(CampaignCostRecorded)
    case completed(CampaignCompleted)

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .launched(let event): visitor.visit(event)
        case .memberAdded(let event): visitor.visit(event)
        case .responseRecorded(let event): visitor.visit(event)
        case .costRecorded(let event): visitor.visit(event)
        case .completed(let event): visitor.visit(event)
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
