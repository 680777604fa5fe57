/// The kinds of CRM record, each kept as one stream per record named `<kind>-<id>`.
public enum RecordKind: String, CaseIterable, Hashable, Sendable {
    case account
    case contact
    case lead
    case opportunity
    case `case`
    case activity
    case campaign

    /// The stream name prefix, for example `opportunity-`.
    public var streamPrefix: String { rawValue + "-" }
}
