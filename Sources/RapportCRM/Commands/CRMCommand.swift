/// Any command of the CRM domain, by the kind of record it is about.
public enum CRMCommand: Sendable, Hashable {
    case account(AccountCommand)
    case contact(ContactCommand)
    case lead(LeadCommand)
    case opportunity(OpportunityCommand)
    case `case`(CaseCommand)
    case activity(ActivityCommand)
    case campaign(CampaignCommand)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .account(let command): command.payload
        case .contact(let command): command.payload
        case .lead(let command): command.payload
        case .opportunity(let command): command.payload
        case .case(let command): command.payload
        case .activity(let command): command.payload
        case .campaign(let command): command.payload
        }
    }

    /// The command type's name, e.g. `OpenOpportunity`.
    public var commandType: String { type(of: payload).commandType }

    /// The record the command is about.
    public var target: StreamName { payload.target }

    /// Every command type, by name.
    static let payloadTypes: [String: any CommandPayload.Type] = {
        let all: [any CommandPayload.Type] =
            AccountCommand.payloadTypes + ContactCommand.payloadTypes + LeadCommand.payloadTypes
            + OpportunityCommand.payloadTypes + CaseCommand.payloadTypes + ActivityCommand.payloadTypes
            + CampaignCommand.payloadTypes
        return Dictionary(uniqueKeysWithValues: all.map { ($0.commandType, $0) })
    }()

    /// Every command type's name, sorted.
    public static var commandTypes: [String] { payloadTypes.keys.sorted() }
}
