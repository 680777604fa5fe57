public import Foundation
import RapportTime

extension RecordedEvent {
    /// The `source` of every CloudEvent the CRM emits.
    public static let cloudEventSource = "urn:rapport:crm"

    /// The event in CloudEvents 1.0 JSON form: `id`, `source`, `type`, `specversion`, `time` (business time),
    /// `subject` (the stream), `datacontenttype`, `dataschema`, `data`, and the rest of the envelope as extension
    /// attributes: `position`, `streamversion`, `schemaversion`, `recordedat`, `actor`, `commandid`,
    /// `correlationid`, `causationid`, and for imported events `importbatch`, `importfile` and `importrow`
    /// (schemas/events/cloudevent.schema.json).
    ///
    /// Keys are sorted, so the same event always gives the same bytes.
    ///
    /// The envelope is written directly around the payload's JSON, which is the costly part of serving a stream or
    /// an export; an envelope text that would need escaping (a quote, a backslash, a control or non-ASCII
    /// character in an actor or id) goes through the encoder instead, so both ways give the same bytes.
    ///
    /// - Returns: The JSON text.
    /// - Throws: `EncodingError` when the payload cannot be written (never for events the domain made).
    public func cloudEventJSON() throws -> Data {
        let data = try event.payloadJSON()
        return try CloudEventEnvelope.json(of: self, data: data) ?? cloudEventJSONThroughEncoder()
    }

    /// The CloudEvents JSON written entirely by the JSON encoder: the form every envelope text can take.
    ///
    /// - Returns: The JSON text.
    /// - Throws: `EncodingError` when the payload cannot be written.
    func cloudEventJSONThroughEncoder() throws -> Data {
        try CRMEvent.jsonEncoder.encode(CloudEventForm(event: self))
    }

    /// The URN of the JSON Schema of the event's data, e.g. `urn:rapport:schemas:events:OpportunityOpened:v1`.
    public var dataSchema: String {
        "urn:rapport:schemas:events:\(event.eventType):v\(event.schemaVersion)"
    }

    private struct CloudEventForm: Encodable {
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
