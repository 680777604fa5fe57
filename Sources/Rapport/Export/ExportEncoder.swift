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
    var header: [UInt8] {
        format == .csv ? Array((Self.csvColumns.joined(separator: ",") + "\r\n").utf8) : []
    }

    /// Appends one event's line, the JSON forms written straight into the output, as `rapport events` writes them.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - output: The bytes written so far.
    func append(_ event: RecordedEvent, to output: inout [UInt8]) {
        switch format {
        case .jsonl:
            event.appendJSONLine(to: &output)
            output.append(0x0A)
        case .cloudevents:
            event.appendCloudEventJSON(to: &output)
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
            output += (fields.map(ReportFormat.csvField).joined(separator: ",") + "\r\n").utf8
        }
    }
}
