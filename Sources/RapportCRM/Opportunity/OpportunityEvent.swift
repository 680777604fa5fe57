/// The events of an opportunity's stream.
public enum OpportunityEvent: EventCases, Hashable {
    case opened(OpportunityOpened)
    case transferred(OpportunityTransferred)
    case stageChanged(OpportunityStageChanged)
    case amountChanged(OpportunityAmountChanged)
    case closeDateMoved(OpportunityCloseDateMoved)
    case lineItemAdded(OpportunityLineItemAdded)
    case lineItemRemoved(OpportunityLineItemRemoved)
    case closedWon(OpportunityClosedWon)
    case closedLost(OpportunityClosedLost)
    case reopened(OpportunityReopened)

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .opened(let event): visitor.visit(event)
        case .transferred(let event): visitor.visit(event)
        case .stageChanged(let event): visitor.visit(event)
        case .amountChanged(let event): visitor.visit(event)
        case .closeDateMoved(let event): visitor.visit(event)
        case .lineItemAdded(let event): visitor.visit(event)
        case .lineItemRemoved(let event): visitor.visit(event)
        case .closedWon(let event): visitor.visit(event)
        case .closedLost(let event): visitor.visit(event)
        case .reopened(let event): visitor.visit(event)
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = [
        .init(OpportunityOpened.self) { .opportunity(.opened($0)) },
        .init(OpportunityTransferred.self) { .opportunity(.transferred($0)) },
        .init(OpportunityStageChanged.self) { .opportunity(.stageChanged($0)) },
        .init(OpportunityAmountChanged.self) { .opportunity(.amountChanged($0)) },
        .init(OpportunityCloseDateMoved.self) { .opportunity(.closeDateMoved($0)) },
        .init(OpportunityLineItemAdded.self) { .opportunity(.lineItemAdded($0)) },
        .init(OpportunityLineItemRemoved.self) { .opportunity(.lineItemRemoved($0)) },
        .init(OpportunityClosedWon.self) { .opportunity(.closedWon($0)) },
        .init(OpportunityClosedLost.self) { .opportunity(.closedLost($0)) },
        .init(OpportunityReopened.self) { .opportunity(.reopened($0)) },
    ]
}
