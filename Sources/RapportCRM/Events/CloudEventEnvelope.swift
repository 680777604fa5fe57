import Foundation
import RapportTime

/// Writes an event's CloudEvents JSON as bytes: the attributes in sorted key order around the payload's JSON, the
/// way ``SortedJSONEncoder`` writes an object, with the payload's own JSON writer (``EventPayload/appendJSON(to:)``).
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
        bytes.append(UInt8(ascii: "{"))
        key("actor", first: true, to: &bytes)
        JSONText.appendString(metadata.actor, to: &bytes)
        if let causationId = metadata.causationId { text("causationid", causationId, to: &bytes) }
        if let commandId = metadata.commandId { text("commandid", commandId, to: &bytes) }
        if let correlationId = metadata.correlationId { text("correlationid", correlationId, to: &bytes) }
        key("data", to: &bytes)
        JSONObjectWriter.append(payload, to: &bytes)
        key("datacontenttype", to: &bytes)
        literal(#""application/json""#, to: &bytes)
        key("dataschema", to: &bytes)
        literal(#""urn:rapport:schemas:events:"#, to: &bytes)
        JSONText.appendEscaped(payloadType.eventType, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: "v"))
        DecimalText.append(Int64(payloadType.schemaVersion), to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        key("id", to: &bytes)
        appendUUID(event.id, to: &bytes)
        if let provenance = metadata.provenance {
            text("importbatch", provenance.batchId, to: &bytes)
            text("importfile", provenance.file, to: &bytes)
            key("importrow", to: &bytes)
            DecimalText.append(provenance.row, to: &bytes)
        }
        key("position", to: &bytes)
        DecimalText.append(event.position, to: &bytes)
        key("recordedat", to: &bytes)
        event.recordedAt.appendJSON(to: &bytes)
        key("schemaversion", to: &bytes)
        DecimalText.append(Int64(payloadType.schemaVersion), to: &bytes)
        text("source", RecordedEvent.cloudEventSource, to: &bytes)
        key("specversion", to: &bytes)
        literal(#""1.0""#, to: &bytes)
        key("streamversion", to: &bytes)
        DecimalText.append(event.streamVersion, to: &bytes)
        key("subject", to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        JSONText.appendEscaped(event.stream.kind.streamPrefix, to: &bytes)
        JSONText.appendEscaped(event.stream.id.text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        key("time", to: &bytes)
        event.occurredAt.appendJSON(to: &bytes)
        text("type", payloadType.eventType, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
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

    private static func key(_ name: StaticString, first: Bool = false, to bytes: inout [UInt8]) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        literal(name, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private static func literal(_ text: StaticString, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func text(_ name: StaticString, _ value: String, to bytes: inout [UInt8]) {
        key(name, to: &bytes)
        JSONText.appendString(value, to: &bytes)
    }

    /// Appends a UUID in quotes in its lowercase 8-4-4-4-12 form.
    private static func appendUUID(_ id: UUID, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        withUnsafeBytes(of: id.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(JSONText.hexDigit(byte >> 4))
                bytes.append(JSONText.hexDigit(byte & 0x0F))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
