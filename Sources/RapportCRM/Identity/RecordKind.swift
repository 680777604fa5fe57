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
        // Compared byte by byte with the prefix's static text (a literal, so held as a pointer): no string to
        // reach, no closure and no call for a dozen bytes.
        let prefix = kind.staticPrefix
        let length = prefix.utf8CodeUnitCount
        guard streamName.count >= length, let name = streamName.baseAddress else { return nil }
        let expected = UnsafeRawPointer(prefix.utf8Start)
        for offset in 0..<length
        where name.load(fromByteOffset: offset, as: UInt8.self) != expected.load(fromByteOffset: offset, as: UInt8.self)
        {
            return nil
        }
        self = kind
    }

    /// The only kind whose name has these first and third letters, which tell the kinds apart; the caller still
    /// checks the whole prefix. Every event read names its stream, so this takes no string and no list of kinds.
    @inline(__always)
    private static func candidate(first: UInt8, third: UInt8) -> RecordKind? {
        // One switch over both letters as a number, which compiles to a jump table rather than pairs of tests.
        switch UInt16(first) << 8 | UInt16(third) {
        case Self.letters("a", "c"): .account
        case Self.letters("a", "t"): .activity
        case Self.letters("c", "n"): .contact
        case Self.letters("c", "s"): .case
        case Self.letters("c", "m"): .campaign
        case Self.letters("l", "a"): .lead
        case Self.letters("o", "p"): .opportunity
        default: nil
        }
    }

    /// Two ASCII letters as the number ``candidate(first:third:)`` switches over.
    @inline(__always)
    private static func letters(_ first: Unicode.Scalar, _ third: Unicode.Scalar) -> UInt16 {
        UInt16(first.value) << 8 | UInt16(third.value)
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

    /// The kind's place in ``allCases``, from 0 to 6: for tables and sets of kinds held as plain numbers, and the
    /// tag snapshots store for a kind, so a new kind of record is declared last.
    public var number: Int {
        switch self {
        case .account: 0
        case .contact: 1
        case .lead: 2
        case .opportunity: 3
        case .case: 4
        case .activity: 5
        case .campaign: 6
        }
    }

    /// The length in bytes of the stream name prefix, where a stream name's id starts.
    public var streamPrefixLength: Int {
        staticPrefix.utf8CodeUnitCount
    }

    /// The stream name prefix, for example `opportunity-`: made from the static text, a string short enough to be
    /// held inline, so naming a stream allocates nothing for it.
    public var streamPrefix: String {
        staticPrefix.description
    }
}
