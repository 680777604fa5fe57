import RapportTime

/// Writes an event's CloudEvents JSON as bytes: the attributes in sorted key order around the payload's JSON, through
/// the ``JSONObjectWriter`` that writes the payload's own JSON (``EventPayload/appendJSON(to:)``).
///
/// The attributes are written by hand rather than through an `Encodable` form because serving a stream or an
/// export writes them for every event: the id, times and names go straight to bytes without making strings.
enum CloudEventEnvelope {
    /// Appends the whole JSON object of an event.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - bytes: Where to write.
    static func append(_ event: RecordedEvent, to bytes: inout [UInt8]) {
        reserveRoom(in: &bytes)
        let metadata = event.metadata
        let payload = event.event.payload
        let payloadType = type(of: payload)
        JSONObjectWriter.appendObject(to: &bytes) { object in
            object.member("actor", metadata.actor)
            object.memberIfPresent("causationid", metadata.causationId)
            object.memberIfPresent("commandid", metadata.commandId)
            object.memberIfPresent("correlationid", metadata.correlationId)
            object.member("data") { JSONObjectWriter.append(payload, to: &$0) }
            object.member("datacontenttype") { literal(#""application/json""#, to: &$0) }
            object.member("dataschema") { bytes in
                literal(#""urn:rapport:schemas:events:"#, to: &bytes)
                JSONText.appendEscaped(payloadType.eventType, to: &bytes)
                literal(":v", to: &bytes)
                DecimalText.append(Int64(payloadType.schemaVersion), to: &bytes)
                bytes.append(UInt8(ascii: "\""))
            }
            object.member("id") { JSONText.appendUUID(event.id, to: &$0) }
            if let provenance = metadata.provenance {
                object.member("importbatch", provenance.batchId)
                object.member("importfile", provenance.file)
                object.member("importrow", provenance.row)
            }
            object.member("position", event.position)
            object.member("recordedat", event.recordedAt)
            object.member("schemaversion", payloadType.schemaVersion)
            object.member("source", RecordedEvent.cloudEventSource)
            object.member("specversion") { literal(#""1.0""#, to: &$0) }
            object.member("streamversion", event.streamVersion)
            object.member("subject", event.stream)
            object.member("time", event.occurredAt)
            object.member("type", payloadType.eventType)
        }
    }

    /// The room a typical event's JSON takes.
    private static let typicalSize = 768

    /// Makes room for a typical event at the end of `bytes`, at least doubling the capacity when it grows: a
    /// stream page, a batch response and an export append many events to one buffer, and growing it by one
    /// event's room each time would copy it once per event.
    private static func reserveRoom(in bytes: inout [UInt8]) {
        guard bytes.capacity - bytes.count < typicalSize else { return }
        bytes.reserveCapacity(max(bytes.capacity * 2, bytes.count + typicalSize))
    }

    private static func literal(_ text: StaticString, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

}
