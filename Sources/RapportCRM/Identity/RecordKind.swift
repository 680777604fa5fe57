/// The kinds of CRM record, each kept as one stream per record named `<kind>-<id>`.
public enum RecordKind: String, CaseIterable, Hashable, Sendable {
    case account
    case contact
    case lead
    case opportunity
    case `case`
    case activity
    case campaign

    /// The stream name prefix, for example `opportunity-`; literals, so naming a stream builds no string for it.
    public var streamPrefix: String {
        switch self {
        case .account: "account-"
        case .contact: "contact-"
        case .lead: "lead-"
        case .opportunity: "opportunity-"
        case .case: "case-"
        case .activity: "activity-"
        case .campaign: "campaign-"
        }
    }
}
