public import Foundation

extension RecordedEvent {
    /// The `source` of every CloudEvent the CRM emits.
    public static let cloudEventSource = "urn:rapport:crm"

    /// The event in CloudEvents 1.0 JSON form: `id`, `source`, `type`, `specversion`, `time` (business time),
    /// `subject` (the stream), `datacontenttype`, `dataschema`, `data`, and the rest of the envelope as extension
    /// attributes: `position`, `streamversion`, `schemaversion`, `recordedat`, `actor`, `commandid`,
    /// `correlationid`, `causationid`, and for imported events `importbatch`, `importfile` and `importrow`
    /// (schemas/events/cloudevent.schema.json).
    ///
    /// Keys are sorted and the JSON is compact, so the same event always gives the same bytes.
    ///
    /// - Returns: The JSON text.
    public func cloudEventJSON() -> Data {
        var bytes: [UInt8] = []
        appendCloudEventJSON(to: &bytes)
        return Data(bytes)
    }

    /// Appends ``cloudEventJSON()``'s text, for writers that build their output as bytes.
    ///
    /// - Parameter bytes: Where to write.
    public func appendCloudEventJSON(to bytes: inout [UInt8]) {
        CloudEventEnvelope.append(self, to: &bytes)
    }

    /// The URN of the JSON Schema of the event's data, e.g. `urn:rapport:schemas:events:OpportunityOpened:v1`.
    public var dataSchema: String {
        "urn:rapport:schemas:events:\(event.eventType):v\(event.schemaVersion)"
    }
}
