import Foundation
import PropertyBased
import RapportCRM
import Testing

/// Random field values for the account and contact event properties.
enum AccountEventGenerators {
    /// Characters of one to four UTF-8 bytes, a space and a few control characters: events are facts, so their
    /// codecs must carry any text.
    static let characters: [Character] = [
        "a", "Z", "0", " ", "-", "@", ".", "é", "ß", "Ω", "日", "😀", "\u{0}", "\n", "\"", "\\",
    ]

    /// A text of 0 to 24 characters.
    static let text = Gen<Character?>.element(of: characters).map { $0! }.string(of: 0...24)

    /// A record id of 1 to 64 characters.
    static let id = Gen<Character?>.element(of: Array("abcXYZ019._:-")).map { $0! }.string(of: 1...64)
        .map { try! RecordId($0) }

    /// Ids for a list in an event: none to a dozen.
    static let ids = id.array(of: 0...12)

    /// An amount up to a billion units either way, which JSON's doubles carry exactly.
    static let money = Gen<Int64>.int64(in: -10_000_000_000_000...10_000_000_000_000)
        .map { Money(tenThousandths: $0) }

    /// A whole number across the full range of Int.
    static let number = Gen<Int>.int()
}

/// Checks that events survive both of their forms.
enum EventRoundTrip {
    /// Checks that an event's binary form reads back through the catalog, and its JSON form through its type,
    /// unchanged.
    ///
    /// - Parameter event: The event.
    /// - Throws: When a form cannot be written or read.
    static func check(_ event: CRMEvent) throws {
        let bytes = event.encodedPayload()
        let type = Array(event.eventType.utf8)
        let decoded = try type.withUnsafeBytes { type in
            try bytes.withUnsafeBytes { payload in
                try CRMEvent.decode(type: type, schemaVersion: event.schemaVersion, payload: payload)
            }
        }
        #expect(decoded == event)
        try checkJSON(event.payload)
    }

    private static func checkJSON<Payload: EventPayload>(_ payload: Payload) throws {
        let json = try JSONEncoder().encode(payload)
        #expect(
            try JSONDecoder().decode(Payload.self, from: json) == payload,
            "\(String(decoding: json, as: UTF8.self))"
        )
    }
}

struct AccountEventCodecTests {
    typealias Values = AccountEventGenerators

    static let events = Generator<AccountEvent, Shrink.None<AccountEvent>> { rng in
        func text() -> String? { Values.text.optional.run(using: &rng) }
        func id() -> RecordId { Values.id.run(using: &rng) }
        func ids() -> [RecordId] { Values.ids.run(using: &rng) }
        switch Int.random(in: 0..<7, using: &rng) {
        case 0:
            return .opened(
                AccountOpened(
                    name: Values.text.run(using: &rng),
                    type: text(),
                    industry: text(),
                    ownerId: id(),
                    parentAccountId: Values.id.optional.run(using: &rng),
                    website: text(),
                    annualRevenue: Values.money.optional.run(using: &rng),
                    employees: Values.number.optional.run(using: &rng),
                    billingCountry: text(),
                    territory: text(),
                    convertedFromLeadId: Values.id.optional.run(using: &rng)
                )
            )
        case 1:
            return .updated(
                AccountUpdated(
                    name: text(),
                    type: text(),
                    industry: text(),
                    website: text(),
                    annualRevenue: Values.money.optional.run(using: &rng),
                    employees: Values.number.optional.run(using: &rng),
                    billingCountry: text(),
                    territory: text(),
                    parentAccountId: Values.id.optional.run(using: &rng)
                )
            )
        case 2:
            return .ownerReassigned(AccountOwnerReassigned(fromOwnerId: id(), toOwnerId: id()))
        case 3:
            return .deactivated(AccountDeactivated(reason: text()))
        case 4:
            return .reactivated(AccountReactivated())
        case 5:
            return .merged(AccountMerged(intoAccountId: id()))
        default:
            return .mergedIn(
                AccountMergedIn(
                    mergedAccountId: id(),
                    contactIds: ids(),
                    opportunityIds: ids(),
                    caseIds: ids(),
                    activityIds: ids(),
                    childAccountIds: ids()
                )
            )
        }
    }

    @Test func accountEventsSurviveTheirBinaryAndJSONForms() async {
        await propertyCheck(count: 200, input: Self.events) { event in
            try EventRoundTrip.check(.account(event))
        }
    }
}
