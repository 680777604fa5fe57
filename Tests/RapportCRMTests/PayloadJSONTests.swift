import Foundation
import PropertyBased
import RapportTime
import Testing

@testable import RapportCRM

/// The domain's JSON writers give Foundation's `JSONEncoder` bytes (sorted keys, slashes not escaped) for every
/// event payload, every string and every number they write.
struct PayloadJSONTests {
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

    /// A value's JSON as `JSONEncoder` writes it with sorted keys and slashes not escaped: the reference the
    /// domain's writers must equal.
    static func reference(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
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
            let reference = try Self.reference(text)
            let referenceArray = try Self.reference([text, "b"])
            #expect(Self.written(text) == reference)
            #expect(Self.written([text, "b"]) == referenceArray)
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
                flag: Bool.random(using: &rng)
            )
        }
        await propertyCheck(count: 1_000, input: numbers) { numbers in
            let references = [
                try Self.reference(numbers.signed), try Self.reference(numbers.unsigned),
                try Self.reference(numbers.small), try Self.reference(numbers.amount),
                try Self.reference(numbers.largeAmount), try Self.reference(numbers.flag),
            ]
            let written = [
                Self.written(numbers.signed), Self.written(numbers.unsigned), Self.written(numbers.small),
                Self.written(numbers.amount), Self.written(numbers.largeAmount), Self.written(numbers.flag),
            ]
            #expect(written == references)
        }
        let edges = [Money.zero, Money(tenThousandths: 1), Money(tenThousandths: -10), Money.maximum, Money(units: -7)]
        #expect(Self.written(edges) == (try Self.reference(edges)))
    }

    /// A value's JSON as the domain's writers write it.
    private static func written(_ value: some JSONDirectValue) -> [UInt8] {
        var bytes: [UInt8] = []
        value.appendJSON(to: &bytes)
        return bytes
    }

    /// An array's JSON as the domain's writers write an array member's value.
    private static func written(_ values: [some JSONDirectValue]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONObjectWriter.appendObject(to: &bytes) { $0.member("a", values) }
        return Array(bytes.dropFirst(#"{"a":"#.utf8.count).dropLast())
    }
}

private struct Numbers {
    let signed: Int64
    let unsigned: UInt64
    let small: Int8
    let amount: Money
    let largeAmount: Money
    let flag: Bool
}
