/// The events of a lead's stream.
public enum LeadEvent: Sendable, Hashable {
    case captured(LeadCaptured)
    case statusChanged(LeadStatusChanged)
    case disqualified(LeadDisqualified)
    case converted(LeadConverted)
    case forgotten(LeadForgotten)

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .captured(let event): event
        case .statusChanged(let event): event
        case .disqualified(let event): event
        case .converted(let event): event
        case .forgotten(let event): event
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(LeadCaptured.self) { .lead(.captured($0)) },
        .init(LeadStatusChanged.self) { .lead(.statusChanged($0)) },
        .init(LeadDisqualified.self) { .lead(.disqualified($0)) },
        .init(LeadConverted.self) { .lead(.converted($0)) },
        .init(LeadForgotten.self) { .lead(.forgotten($0)) },
    ]
}
