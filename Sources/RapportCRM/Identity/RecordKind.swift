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
        guard streamName.count > 2, let kind = Self.candidate(first: streamName[0], third: streamName[2]) else {
            return nil
        }
        let prefix = kind.streamPrefix
        let prefixLength = prefix.utf8.count
        guard streamName.count >= prefixLength,
            prefix.hasUTF8(UnsafeRawBufferPointer(rebasing: streamName[..<prefixLength]))
        else { return nil }
        self = kind
    }

    /// The only kind whose name has these first and third letters, which tell the kinds apart; the caller still
    /// checks the whole prefix. Every event read names its stream, so this takes no string and no list of kinds.
    private static func candidate(first: UInt8, third: UInt8) -> RecordKind? {
        switch (first, third) {
        case (UInt8(ascii: "a"), UInt8(ascii: "c")): .account
        case (UInt8(ascii: "a"), UInt8(ascii: "t")): .activity
        case (UInt8(ascii: "c"), UInt8(ascii: "n")): .contact
        case (UInt8(ascii: "c"), UInt8(ascii: "s")): .case
        case (UInt8(ascii: "c"), UInt8(ascii: "m")): .campaign
        case (UInt8(ascii: "l"), UInt8(ascii: "a")): .lead
        case (UInt8(ascii: "o"), UInt8(ascii: "p")): .opportunity
        default: nil
        }
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
