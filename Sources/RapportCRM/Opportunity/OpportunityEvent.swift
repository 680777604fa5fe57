/// The events of an opportunity's stream.
public enum OpportunityEvent: Sendable, Hashable {
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

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .opened(let event): event
        case .transferred(let event): event
        case .stageChanged(let event): event
        case .amountChanged(let event): event
        case .closeDateMoved(let event): event
        case .lineItemAdded(let event): event
        case .lineItemRemoved(let event): event
        case .closedWon(let event): event
        case .closedLost(let event): event
        case .reopened(let event): event
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
