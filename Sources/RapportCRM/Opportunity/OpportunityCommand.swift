/// The commands about an opportunity.
public enum OpportunityCommand: Sendable, Hashable {
    case open(OpenOpportunity)
    case changeStage(ChangeOpportunityStage)
    case changeAmount(ChangeOpportunityAmount)
    case moveCloseDate(MoveOpportunityCloseDate)
    case addLineItem(AddLineItem)
    case removeLineItem(RemoveLineItem)
    case closeWon(CloseOpportunityWon)
    case closeLost(CloseOpportunityLost)
    case reopen(ReopenOpportunity)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .open(let command): command
        case .changeStage(let command): command
        case .changeAmount(let command): command
        case .moveCloseDate(let command): command
        case .addLineItem(let command): command
        case .removeLineItem(let command): command
        case .closeWon(let command): command
        case .closeLost(let command): command
        case .reopen(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [
        OpenOpportunity.self, ChangeOpportunityStage.self, ChangeOpportunityAmount.self,
        MoveOpportunityCloseDate.self, AddLineItem.self, RemoveLineItem.self, CloseOpportunityWon.self,
        CloseOpportunityLost.self, ReopenOpportunity.self,
    ]
}
