import Foundation
import PropertyBased
import RapportTime
import Testing

@testable import RapportCRM

/// The `jsonl` export line written as bytes is byte for byte what Foundation's `JSONEncoder` writes for the same
/// members with sorted keys, for any event, metadata and provenance, texts needing escapes included.
struct EventLineFormTests {
    @Test func theWrittenLineIsTheEncodersByteForByte() async {
        await propertyCheck(count: 500, input: CloudEventFormTests.events) { event in
            let written = String(decoding: Self.line(of: event), as: UTF8.self)
            let reference = String(decoding: try PayloadJSONTests.reference(ReferenceLine(event: event)), as: UTF8.self)
            #expect(written == reference)
        }
    }

    @Test func absentIdsAndProvenanceAreNullAndTheLineHasNoEnd() throws {
        let line = String(decoding: Self.line(of: CloudEventFormTests.deactivation(by: "user-7")), as: UTF8.self)
        #expect(line.hasPrefix(#"{"data":{"reason":"Duplicate"},"eventId":""#))
        #expect(
            line.contains(
                #""metadata":{"actor":"user-7","causationId":null,"commandId":"c-1","correlationId":null,"#
                    + #""provenance":null,"schemaVersion":1}"#
            )
        )
        #expect(line.hasSuffix(#""stream":"account-A1","streamVersion":1,"type":"AccountDeactivated"}"#))
    }

    private static func line(of event: RecordedEvent) -> [UInt8] {
        var bytes: [UInt8] = []
        event.appendJSONLine(to: &bytes)
        return bytes
    }

    /// The line's members as an `Encodable` value, which `JSONEncoder` writes for the reference.
    private struct ReferenceLine: Encodable {
        let event: RecordedEvent

        enum CodingKeys: String, CodingKey {
            case position, eventId, stream, streamVersion, type, occurredAt, recordedAt, metadata, data
        }

        enum MetadataKeys: String, CodingKey {
            case schemaVersion, actor, commandId, correlationId, causationId, provenance
        }

        enum ProvenanceKeys: String, CodingKey {
            case batchId, file, row
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(event.position, forKey: .position)
            try container.encode(event.id.uuidString.lowercased(), forKey: .eventId)
            try container.encode(event.stream.description, forKey: .stream)
            try container.encode(event.streamVersion, forKey: .streamVersion)
            try container.encode(event.event.eventType, forKey: .type)
            try container.encode(event.occurredAt.rfc3339, forKey: .occurredAt)
            try container.encode(event.recordedAt.rfc3339, forKey: .recordedAt)
            var metadata = container.nestedContainer(keyedBy: MetadataKeys.self, forKey: .metadata)
            try metadata.encode(event.metadata.schemaVersion, forKey: .schemaVersion)
            try metadata.encode(event.metadata.actor, forKey: .actor)
            try metadata.encode(event.metadata.commandId, forKey: .commandId)
            try metadata.encode(event.metadata.correlationId, forKey: .correlationId)
            try metadata.encode(event.metadata.causationId, forKey: .causationId)
            if let provenance = event.metadata.provenance {
                var nested = metadata.nestedContainer(keyedBy: ProvenanceKeys.self, forKey: .provenance)
                try nested.encode(provenance.batchId, forKey: .batchId)
                try nested.encode(provenance.file, forKey: .file)
                try nested.encode(provenance.row, forKey: .row)
            } else {
                try metadata.encodeNil(forKey: .provenance)
            }
            try event.event.payload.encode(to: container.superEncoder(forKey: .data))
        }
    }
}
