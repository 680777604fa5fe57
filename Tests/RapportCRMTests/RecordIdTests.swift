import PropertyBased
import RapportCRM
import Testing

struct RecordIdTests {
    @Test(arguments: ["a", "Q3-0042", "acme.corp:eu_west", String(repeating: "x", count: 64), "1C1I7A6R"])
    func acceptsLettersDigitsAndFourMarks(text: String) throws {
        #expect(try RecordId(text).text == text)
    }

    /// Ids that break a rule, and the words the refusal must contain.
    static let refused: [(text: String, expected: String)] = [
        ("", "must be 1 to 64 characters long, not 0"),
        (String(repeating: "x", count: 65), "must be 1 to 64 characters long, not 65"),
        ("acme corp", #"not " ""#),
        ("acme/corp", #"not "/""#),
        ("café", #"not "\u{00E9}""#),
        ("a\nb", #"not "\n""#),
    ]

    @Test(arguments: refused)
    func refusesOtherIdsNamingTheFieldAndRule(text: String, expected: String) {
        let error = #expect(throws: DomainError.self) { try RecordId(text, field: "data.accountId") }
        #expect(error?.code == .invalidId)
        #expect(error?.field == "data.accountId")
        #expect(error?.message.hasPrefix("data.accountId ") == true)
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: RecordKind.allCases)
    func streamPrefixIsTheKindAndADash(kind: RecordKind) {
        #expect(kind.streamPrefix == kind.rawValue + "-")
    }

    @Test(arguments: RecordKind.allCases)
    func streamNamesRoundTrip(kind: RecordKind) throws {
        let name = StreamName(kind, try RecordId("Q3-0042"))
        #expect(name.description == "\(kind.rawValue)-Q3-0042")
        #expect(try StreamName(parsing: name.description) == name)
    }

    @Test(arguments: RecordKind.allCases)
    func theKindOfAStreamNameIsReadFromItsPrefix(kind: RecordKind) {
        let name = Array("\(kind.rawValue)-Q3-0042".utf8)
        #expect(name.withUnsafeBytes { RecordKind(streamName: $0) } == kind)
        #expect(kind.streamPrefix == "\(kind.rawValue)-")
        #expect(kind.streamPrefixLength == kind.streamPrefix.utf8.count)
    }

    @Test func eachKindsNumberIsItsPlaceAmongAllKinds() {
        #expect(RecordKind.allCases.map(\.number) == Array(RecordKind.allCases.indices))
        // Snapshots store these numbers: the kinds keep their order.
        let order = ["account", "contact", "lead", "opportunity", "case", "activity", "campaign"]
        #expect(RecordKind.allCases.map(\.rawValue) == order)
    }

    @Test(arguments: ["order-1", "Account-1", "opportunity", "case", "", "acc-1", "accounts-1", "leak-1", "cast-1"])
    func aStreamNameOfNoKindHasNone(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { RecordKind(streamName: $0) } == nil)
    }

    @Test func theKindIsTheNameBeforeTheFirstDash() async {
        let names = Generator<String, Shrink.None<String>> { rng in
            var name = Array(RecordKind.allCases.randomElement(using: &rng)!.rawValue.utf8)
            switch Int.random(in: 0...3, using: &rng) {
            case 0: name[Int.random(in: 0..<name.count, using: &rng)] = UInt8.random(in: 0x2D...0x7A, using: &rng)
            case 1: name.removeLast(Int.random(in: 0...name.count, using: &rng))
            case 2: name.append(UInt8.random(in: 0x61...0x7A, using: &rng))
            default: break
            }
            return String(decoding: name, as: UTF8.self) + (Bool.random(using: &rng) ? "-Q3-0042" : "")
        }
        await propertyCheck(count: 2_000, input: names) { name in
            let beforeDash = name.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let expected = name.contains("-") ? RecordKind(rawValue: String(beforeDash)) : nil
            #expect(Array(name.utf8).withUnsafeBytes { RecordKind(streamName: $0) } == expected, "\(name)")
        }
    }

    @Test(arguments: ["order-1", "account-", "account-a b", "Account-1", "opportunity"])
    func refusesStreamNamesOfNoKindOrABadId(text: String) {
        let error = #expect(throws: DomainError.self) { try StreamName(parsing: text) }
        #expect(error?.code == .invalidStreamName)
        #expect(error?.message.contains(text) == true)
    }
}
