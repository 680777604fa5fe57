/// The kinds of CRM record, each kept as one stream per record named `<kind>-<id>`.
public enum RecordKind: String, CaseIterable, Hashable, Sendable {
    case account
    case contact
    case lead
    case opportunity
    case `case`
    case activity
    case campaign

    /// The kind of record a stream name's UTF-8 names by its prefix, the part before the first dash (no kind's
    /// name holds one), without reading the rest of the name.
    ///
    /// - Parameter streamName: A stream name's UTF-8, such as a log record's stream id.
    /// - Returns: `nil` when the name starts with no kind's prefix.
    public init?(streamName: UnsafeRawBufferPointer) {
        guard let dash = streamName.firstIndex(of: UInt8(ascii: "-")),
            let kind = Self.allCases.first(where: {
                $0.rawValue.hasUTF8(UnsafeRawBufferPointer(rebasing: streamName[..<dash]))
            })
        else { return nil }
        self = kind
    }

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
