import Foundation
import RapportCRM
import RapportTime

/// Writes events in one ``ExportFormat``, each on its own line, with the same bytes for the same event every time.
struct ExportEncoder {
    /// The format written.
    let format: ExportFormat

    /// The CSV columns, in order.
    static let csvColumns = [
        "position", "eventId", "stream", "streamVersion", "type", "occurredAt", "recordedAt", "actor", "commandId",
        "data", "importBatch", "importFile", "importRow",
    ]

    /// What comes before the first event: the CSV header row; nothing for the JSON forms.
    var header: Data {
        format == .csv ? Data((Self.csvColumns.joined(separator: ",") + "\r\n").utf8) : Data()
    }

    /// Appends one event's line.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - output: The bytes written so far.
    /// - Throws: `EncodingError` when the event's data cannot be written (never for events the domain made).
    func append(_ event: RecordedEvent, to output: inout Data) throws {
        switch format {
        case .jsonl:
            output.append(contentsOf: try SortedJSONEncoder.encode(JSONLineForm(event: event)))
            output.append(0x0A)
        case .cloudevents:
            output.append(event.cloudEventJSON())
            output.append(0x0A)
        case .csv:
            let data = String(decoding: event.event.payloadJSON(), as: UTF8.self)
            let provenance = event.metadata.provenance
            let fields = [
                String(event.position), event.id.uuidString.lowercased(), event.stream.description,
                String(event.streamVersion), event.event.eventType, event.occurredAt.rfc3339,
                event.recordedAt.rfc3339, event.metadata.actor, event.metadata.commandId ?? "", data,
                provenance?.batchId ?? "", provenance?.file ?? "", provenance.map { String($0.row) } ?? "",
            ]
            output.append(Data((fields.map(ReportFormat.csvField).joined(separator: ",") + "\r\n").utf8))
        }
    }

    /// The `jsonl` form of an event: its log coordinates, times, metadata (absent ids and provenance as `null`) and
    /// data.
    private struct JSONLineForm: Encodable {
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
