/// The commands about a lead.
public enum LeadCommand: Sendable, Hashable {
    case capture(CaptureLead)
    case changeStatus(ChangeLeadStatus)
    case disqualify(DisqualifyLead)
    case convert(ConvertLead)
    case forget(ForgetLead)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .capture(let command): command
        case .changeStatus(let command): command
        case .disqualify(let command): command
        case .convert(let command): command
        case .forget(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [
        CaptureLead.self, ChangeLeadStatus.self, DisqualifyLead.self, ConvertLead.self, ForgetLead.self,
    ]
}
