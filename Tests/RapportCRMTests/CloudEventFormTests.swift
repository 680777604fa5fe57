import Foundation
import PropertyBased
import RapportTime
import Testing

@testable import RapportCRM

/// The CloudEvents JSON written directly around the payload is byte for byte the encoder's, for any event and any
/// envelope, including envelopes whose texts need escaping (which take the encoder's way).
struct CloudEventFormTests {
    /// Texts an envelope commonly holds: printable ASCII that needs no escaping.
    static let plainText = Gen<Character?>.element(of: Array("aZ0 -@./:_~")).map { $0! }.string(of: 0...24)

    static let events = Generator<RecordedEvent, Shrink.None<RecordedEvent>> { rng in
        func text() -> String {
            Int.random(in: 0..<4, using: &rng) == 0
                ? AccountEventGenerators.text.run(using: &rng) : Self.plainText.run(using: &rng)
        }
        func optionalText() -> String? { Bool.random(using: &rng) ? text() : nil }
        let event: CRMEvent =
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: .account(AccountEventCodecTests.events.run(using: &rng))
            case 1: .opportunity(OpportunityEventCodecTests.events.run(using: &rng))
            case 2: .contact(ContactEventCodecTests.events.run(using: &rng))
            case 3: .activity(ActivityEventCodecTests.events.run(using: &rng))
            default: LeadAndCampaignEventGenerators.leadEvent.run(using: &rng)
            }
        let provenance =
            Bool.random(using: &rng)
            ? ImportProvenance(batchId: text(), file: text(), row: UInt64.random(in: 0...UInt64.max, using: &rng))
            : nil
        return RecordedEvent(
            position: UInt64.random(in: 0...UInt64.max, using: &rng),
            id: UUID(),
            stream: StreamName(.account, AccountEventGenerators.id.run(using: &rng)),
            streamVersion: UInt64.random(in: 1...UInt64.max, using: &rng),
            occurredAt: Timestamp(microsecondsSinceEpoch: Int64.random(in: 0...253_402_300_799_000_000, using: &rng)),
            recordedAt: Timestamp(microsecondsSinceEpoch: Int64.random(in: 0...253_402_300_799_000_000, using: &rng)),
            metadata: EventMetadata(
                schemaVersion: event.schemaVersion,
                actor: text(),
                commandId: optionalText(),
                correlationId: optionalText(),
                causationId: optionalText(),
                provenance: provenance
            ),
            event: event
        )
    }

    @Test func theDirectFormIsTheEncodersByteForByte() async {
        await propertyCheck(count: 500, input: Self.events) { event in
            let direct = try event.cloudEventJSON()
            let encoded = try event.cloudEventJSONThroughEncoder()
            #expect(direct == encoded)
        }
    }

    @Test func anEnvelopeOfPlainTextsIsWrittenDirectlyAndOneNeedingEscapesIsNot() throws {
        let plain = RecordedEvent(
            position: 7,
            id: UUID(),
            stream: StreamName(.account, try RecordId("A1")),
            streamVersion: 1,
            occurredAt: Timestamp(microsecondsSinceEpoch: 0),
            recordedAt: Timestamp(microsecondsSinceEpoch: 0),
            metadata: EventMetadata(schemaVersion: 1, actor: "user-7/web", commandId: "c-1"),
            event: .account(.deactivated(AccountDeactivated(reason: "Duplicate")))
        )
        let data = Data(#"{"reason":"Duplicate"}"#.utf8)
        #expect(CloudEventEnvelope.json(of: plain, data: data) == (try plain.cloudEventJSONThroughEncoder()))
        for actor in ["say \"hi\"", "back\\slash", "tab\there", "Zoë"] {
            var escaped = plain
            escaped.metadata.actor = actor
            #expect(CloudEventEnvelope.json(of: escaped, data: data) == nil, "\(actor)")
            let direct = try escaped.cloudEventJSON()
            #expect(direct == (try escaped.cloudEventJSONThroughEncoder()))
        }
    }
}
