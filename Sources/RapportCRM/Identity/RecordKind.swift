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
        // Compared byte by byte with the prefix's static text: no string to reach, no call for a dozen bytes.
        let matches = kind.staticPrefix.withUTF8Buffer { prefix in
            guard streamName.count >= prefix.count else { return false }
            for index in 0..<prefix.count where streamName[index] != prefix[index] { return false }
            return true
        }
        guard matches else { return nil }
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

    /// The stream name prefix as static text, for reading stream names' bytes without reaching a string.
    private var staticPrefix: StaticString {
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

    /// The stream name prefix, for example `opportunity-`: made from the static text, a string short enough to be
    /// held inline, so naming a stream allocates nothing for it.
    public var streamPrefix: String {
        staticPrefix.description
    }
}
