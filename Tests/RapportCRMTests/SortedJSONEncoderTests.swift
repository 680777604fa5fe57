import Foundation
import PropertyBased
import RapportTime
import Testing

@testable import RapportCRM

/// The domain's JSON writer gives Foundation's `JSONEncoder` bytes (sorted keys, slashes not escaped) for every
/// event payload and for every shape a value's `encode(to:)` can take, and refuses the types it does not write.
struct SortedJSONEncoderTests {
    /// Any event of any record kind.
    static let events = Generator<CRMEvent, Shrink.None<CRMEvent>> { rng in
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: .account(AccountEventCodecTests.events.run(using: &rng))
        case 1: .opportunity(OpportunityEventCodecTests.events.run(using: &rng))
        case 2: .contact(ContactEventCodecTests.events.run(using: &rng))
        case 3: .activity(ActivityEventCodecTests.events.run(using: &rng))
        case 4: .case(CaseEventCodecTests.event.run(using: &rng))
        case 5: LeadAndCampaignEventGenerators.campaignEvent.run(using: &rng)
        default: LeadAndCampaignEventGenerators.leadEvent.run(using: &rng)
        }
    }

    /// Texts of any Unicode scalars, weighted towards those JSON escapes: every control character, quotes,
    /// backslashes, slashes, DEL and characters of two to four UTF-8 bytes.
    static let texts = Generator<String, Shrink.None<String>> { rng in
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...24, using: &rng) {
            let value: UInt32 =
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: UInt32.random(in: 0...0x20, using: &rng)
                case 1: Array("\"\\/\u{7F}aZ9".unicodeScalars).randomElement(using: &rng)!.value
                case 2: UInt32.random(in: 0x21...0x7E, using: &rng)
                default: UInt32.random(in: 0x80...0x10FFFF, using: &rng)
                }
            scalars.append(Unicode.Scalar(value) ?? "?")
        }
        return String(scalars)
    }

    static func reference(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    @Test func eventPayloadsAreTheEncodersByteForByte() async {
        await propertyCheck(count: 1_000, input: Self.events) { event in
            let written = try SortedJSONEncoder.encode(event.payload)
            let reference = try Self.reference(event.payload)
            #expect(written == reference)
        }
    }

    /// Each payload's hand-written JSON (``EventPayload/appendJSON(to:)``) names its members in sorted order and
    /// writes them as its `Encodable` form does, also once its personal fields were erased.
    @Test func handWrittenPayloadsAreTheEncodersByteForByte() async {
        await propertyCheck(count: 2_000, input: Self.events) { event in
            for form in [event, event.erasingPersonalData] {
                let written = String(decoding: form.payloadJSON(), as: UTF8.self)
                let reference = String(decoding: try Self.reference(form.payload), as: UTF8.self)
                #expect(written == reference)
            }
        }
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() async {
        await propertyCheck(count: 1_000, input: Self.texts) { text in
            let written = try SortedJSONEncoder.encode(text)
            let reference = try Self.reference(text)
            #expect(written == reference)
            var object = ["b": "b"]
            object[text] = text
            let writtenObject = try SortedJSONEncoder.encode(object)
            let referenceObject = try Self.reference(object)
            #expect(writtenObject == referenceObject)
        }
    }

    @Test func numbersAndAmountsAreWrittenAsTheEncoderWritesThem() async throws {
        let numbers = Generator<Numbers, Shrink.None<Numbers>> { rng in
            Numbers(
                signed: Int64.random(in: .min ... .max, using: &rng),
                unsigned: UInt64.random(in: .min ... .max, using: &rng),
                small: Int8.random(in: .min ... .max, using: &rng),
                amount: Money(tenThousandths: Int64.random(in: -99_999_999...99_999_999, using: &rng)),
                largeAmount: Money(
                    tenThousandths: Int64.random(
                        in: -Money.maximum.tenThousandths...Money.maximum.tenThousandths,
                        using: &rng
                    )
                ),
                decimal: Decimal(Int64.random(in: -999_999...999_999, using: &rng)) / 100,
                flag: Bool.random(using: &rng)
            )
        }
        await propertyCheck(count: 1_000, input: numbers) { numbers in
            let written = try SortedJSONEncoder.encode(numbers)
            let reference = try Self.reference(numbers)
            #expect(written == reference)
        }
        let edges = [Money.zero, Money(tenThousandths: 1), Money(tenThousandths: -10), Money.maximum, Money(units: -7)]
        #expect(try SortedJSONEncoder.encode(edges) == (try Self.reference(edges)))
    }

    @Test func everyContainerShapeIsWrittenAsTheEncoderWritesIt() throws {
        let value = Shapes(name: "a/b", tags: ["x", "y"], missing: nil, children: [Shapes.Child(id: 1), .init(id: 2)])
        #expect(
            String(decoding: try SortedJSONEncoder.encode(value), as: UTF8.self)
                == String(decoding: try Self.reference(value), as: UTF8.self)
        )
        #expect(try SortedJSONEncoder.encode([value, value]) == (try Self.reference([value, value])))
    }

    @Test func floatingPointDatesDataAndURLsAreRefusedWithTheirPath() throws {
        let refused: [(any Encodable, [String])] = [
            (Holder(value: 1.5), ["value"]),
            ([Holder(value: Float(2))], ["Index 0", "value"]),
            (Holder(value: Date(timeIntervalSince1970: 0)), ["value"]),
            (Holder(value: Data([1, 2])), ["value"]),
            (Holder(value: URL(string: "https://example.com")!), ["value"]),
            ([[1.0]], ["Index 0", "Index 0"]),
        ]
        for (value, path) in refused {
            do {
                _ = try SortedJSONEncoder.encode(value)
                Issue.record("\(value) was written")
            } catch EncodingError.invalidValue(_, let context) {
                #expect(context.codingPath.map(\.stringValue) == path)
                #expect(context.debugDescription.hasPrefix("the domain's JSON holds no"))
            }
        }
    }

    @Test func aValueThatWritesNothingIsRefusedAtTheTopAndAnEmptyObjectInside() throws {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder.encode(Nothing()) }
        let inside = ["empty": Nothing()]
        #expect(try SortedJSONEncoder.encode(inside) == (try Self.reference(inside)))
    }
}

private struct Numbers: Encodable {
    let signed: Int64
    let unsigned: UInt64
    let small: Int8
    let amount: Money
    let largeAmount: Money
    let decimal: Decimal
    let flag: Bool
}

private struct Holder<Value: Encodable>: Encodable {
    let value: Value
}

private struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// A value using every container an `encode(to:)` can ask for, a key written twice and `nil`s both skipped and
/// written.
private struct Shapes: Encodable {
    struct Child: Encodable {
        let id: Int
    }

    enum Keys: String, CodingKey {
        case name, tags, missing, children, nested, list, again, base, zero, Zebra, émoji
    }

    let name: String
    let tags: [String]
    let missing: String?
    let children: [Child]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .name)
        try container.encode(tags, forKey: .tags)
        try container.encodeIfPresent(missing, forKey: .missing)
        try container.encodeNil(forKey: .zero)
        try container.encode(children, forKey: .children)
        var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
        try nested.encode(true, forKey: .Zebra)
        try nested.encode(UInt8(7), forKey: .émoji)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(Int16(-3))
        try list.encodeNil()
        var inner = list.nestedContainer(keyedBy: Keys.self)
        try inner.encode("in", forKey: .name)
        var deeper = list.nestedUnkeyedContainer()
        try deeper.encode(children)
        try Child(id: 9).encode(to: list.superEncoder())
        try container.encode("first", forKey: .again)
        try container.encode("second", forKey: .again)
        try Child(id: 3).encode(to: container.superEncoder(forKey: .base))
        try name.encode(to: container.superEncoder())
        var same = encoder.container(keyedBy: Keys.self)
        try same.encode(UInt64.max, forKey: .tags)
    }
}
