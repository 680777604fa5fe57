/// The kinds of CRM record, each kept as one stream per record named `<kind>-<id>`.
public enum RecordKind: String, CaseIterable, Hashable, Sendable {
    case account
    case contact
    case lead
    case opportunity
    case `case`
    case activity
    case campaign

    /// The kind of record a stream name's UTF-8 names by its prefix, without reading the rest of the name.
    ///
    /// - Parameter streamName: A stream name's UTF-8, such as a log record's stream id.
    /// - Returns: `nil` when the name starts with no kind's prefix.
    public init?(streamName: UnsafeRawBufferPointer) {
        guard let first = streamName.first else { return nil }
        for (kind, prefix) in Self.prefixBytes
        where prefix[0] == first && streamName.count > prefix.count
            && UnsafeRawBufferPointer(rebasing: streamName[..<prefix.count]).elementsEqual(prefix)
        {
            self = kind
            return
        }
        return nil
    }

    /// Each kind's stream name prefix as UTF-8.
    private static let prefixBytes = allCases.map { ($0, Array($0.streamPrefix.utf8)) }

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
