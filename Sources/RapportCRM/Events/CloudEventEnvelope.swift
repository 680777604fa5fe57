import Foundation
import RapportTime

/// The attributes of an event's CloudEvents JSON, written as bytes around the payload's JSON, in the sorted key
/// order the encoder uses.
///
/// Written by hand because the generic encoder spends most of an event's cost on these twenty keys; it only takes
/// texts that need no escaping (printable ASCII without `"` or `\`), so its bytes are exactly the encoder's.
struct CloudEventEnvelope {
    private var bytes: [UInt8] = []
    private var plain = true

    /// The whole JSON object of an event, with `data` as the payload's JSON, or nil when one of the envelope's
    /// texts would need escaping.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - data: The payload's JSON.
    /// - Returns: The JSON text, or nil.
    static func json(of event: RecordedEvent, data: Data) -> Data? {
        var envelope = CloudEventEnvelope()
        envelope.bytes.reserveCapacity(data.count + 640)
        envelope.bytes.append(UInt8(ascii: "{"))
        let metadata = event.metadata
        envelope.text("actor", metadata.actor, first: true)
        if let causationId = metadata.causationId { envelope.text("causationid", causationId) }
        if let commandId = metadata.commandId { envelope.text("commandid", commandId) }
        if let correlationId = metadata.correlationId { envelope.text("correlationid", correlationId) }
        envelope.key("data")
        envelope.bytes += data
        envelope.text("datacontenttype", "application/json")
        envelope.text("dataschema", event.dataSchema)
        envelope.text("id", event.id.uuidString.lowercased())
        if let provenance = metadata.provenance {
            envelope.text("importbatch", provenance.batchId)
            envelope.text("importfile", provenance.file)
            envelope.number("importrow", provenance.row)
        }
        envelope.number("position", event.position)
        envelope.text("recordedat", event.recordedAt.rfc3339)
        envelope.number("schemaversion", UInt64(event.event.schemaVersion))
        envelope.text("source", RecordedEvent.cloudEventSource)
        envelope.text("specversion", "1.0")
        envelope.number("streamversion", event.streamVersion)
        envelope.text("subject", event.stream.description)
        envelope.text("time", event.occurredAt.rfc3339)
        envelope.text("type", event.event.eventType)
        envelope.bytes.append(UInt8(ascii: "}"))
        return envelope.plain ? Data(envelope.bytes) : nil
    }

    private mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes += "\":".utf8
    }

    private mutating func text(_ name: StaticString, _ value: String, first: Bool = false) {
        key(name, first: first)
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else {
                plain = false
                return
            }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func number(_ name: StaticString, _ value: UInt64) {
        key(name)
        bytes += String(value).utf8
    }
}
