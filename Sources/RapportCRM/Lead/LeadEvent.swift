/// The events of a lead's stream.
public enum LeadEvent: EventCases, Hashable {
    case captured(LeadCaptured)
    case statusChanged(LeadStatusChanged)
    case disqualified(LeadDisqualified)
    case converted(LeadConverted)
    case forgotten(LeadForgotten)

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .captured(let event): visitor.visit(event)
        case .statusChanged(let event): visitor.visit(event)
        case .disqualified(let event): visitor.visit(event)
        case .converted(let event): visitor.visit(event)
        case .forgotten(let event): visitor.visit(event)
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
