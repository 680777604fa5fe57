import Foundation
import PropertyBased
import RapportTime
import Testing

@testable import RapportCRM

/// The CloudEvents JSON written as bytes is byte for byte what Foundation's `JSONEncoder` writes for the same
/// attributes with sorted keys, for any event and any envelope, including texts that need escaping.
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
            PayloadJSONTests.events.run(using: &rng)
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

    @Test func theWrittenFormIsTheEncodersByteForByte() async {
        await propertyCheck(count: 500, input: Self.events) { event in
            let written = event.cloudEventJSON()
            let reference = try Self.referenceJSON(of: event)
            #expect(written == reference)
        }
    }

    /// An account's deactivation by `actor`.
    static func deactivation(by actor: String) -> RecordedEvent {
        RecordedEvent(
            position: 7,
            id: UUID(),
            stream: StreamName(.account, RecordId(unchecked: "A1")),
            streamVersion: 1,
            occurredAt: Timestamp(microsecondsSinceEpoch: 0),
            recordedAt: Timestamp(microsecondsSinceEpoch: 0),
            metadata: EventMetadata(schemaVersion: 1, actor: actor, commandId: "c-1"),
            event: .account(.deactivated(AccountDeactivated(reason: "Duplicate")))
        )
    }

    @Test func envelopeTextsThatNeedEscapingAreEscapedAsTheEncoderDoes() throws {
        var event = Self.deactivation(by: "user-7/web")
        for actor in ["user-7/web", "say \"hi\"", "back\\slash", "tab\there", "bell\u{7}", "Zoë"] {
            event.metadata.actor = actor
            event.metadata.correlationId = actor
            #expect(event.cloudEventJSON() == (try Self.referenceJSON(of: event)), "\(actor)")
        }
        let text = String(decoding: event.cloudEventJSON(), as: UTF8.self)
        #expect(text.contains(#""id":"\#(event.id.uuidString.lowercased())""#))
        #expect(text.contains(#""data":{"reason":"Duplicate"}"#))
    }

    /// A page, a batch response or an export appends thousands of events to one buffer: the buffer grows by
    /// doubling, not by one event's room at a time (which copied the whole buffer once per event).
    @Test func appendingManyEventsToOneBufferGrowsItByDoubling() {
        let event = Self.deactivation(by: "user-7")
        let single = event.cloudEventJSON()
        var bytes: [UInt8] = []
        var capacities: Set<Int> = []
        for _ in 0..<4_000 {
            event.appendCloudEventJSON(to: &bytes)
            capacities.insert(bytes.capacity)
        }
        #expect(bytes.count == single.count * 4_000)
        #expect(capacities.count <= 16)
    }

    /// The CloudEvents JSON written entirely by `JSONEncoder`, the reference the written form must equal.
    static func referenceJSON(of event: RecordedEvent) throws -> Data {
        Data(try PayloadJSONTests.reference(ReferenceForm(event: event)))
    }

    private struct ReferenceForm: Encodable {
        let event: RecordedEvent

        enum CodingKeys: String, CodingKey {
            case specversion, id, source, type, subject, time, datacontenttype, dataschema, data
            case position, streamversion, schemaversion, recordedat, actor, commandid, correlationid, causationid
            case importbatch, importfile, importrow
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("1.0", forKey: .specversion)
            try container.encode(event.id.uuidString.lowercased(), forKey: .id)
            try container.encode(RecordedEvent.cloudEventSource, forKey: .source)
            try container.encode(event.event.eventType, forKey: .type)
            try container.encode(event.stream.description, forKey: .subject)
            try container.encode(event.occurredAt.rfc3339, forKey: .time)
            try container.encode("application/json", forKey: .datacontenttype)
            try container.encode(event.dataSchema, forKey: .dataschema)
            try event.event.payload.encode(to: container.superEncoder(forKey: .data))
            try container.encode(event.position, forKey: .position)
            try container.encode(event.streamVersion, forKey: .streamversion)
            try container.encode(event.event.schemaVersion, forKey: .schemaversion)
            try container.encode(event.recordedAt.rfc3339, forKey: .recordedat)
            try container.encode(event.metadata.actor, forKey: .actor)
            try container.encodeIfPresent(event.metadata.commandId, forKey: .commandid)
            try container.encodeIfPresent(event.metadata.correlationId, forKey: .correlationid)
            try container.encodeIfPresent(event.metadata.causationId, forKey: .causationid)
            if let provenance = event.metadata.provenance {
                try container.encode(provenance.batchId, forKey: .importbatch)
                try container.encode(provenance.file, forKey: .importfile)
                try container.encode(provenance.row, forKey: .importrow)
            }
        }
    }
}
