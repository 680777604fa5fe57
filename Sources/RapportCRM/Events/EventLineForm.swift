/// Writes an event's `jsonl` export line as bytes: its log coordinates, times, metadata and data, every object's
/// members in sorted key order, through the ``JSONObjectWriter`` that writes the payload's own JSON.
///
/// Unlike the CloudEvents form, the metadata is an object of its own, and the ids and provenance an event lacks
/// are written as `null`, so that every line has the same members.
enum EventLineForm {
    /// Appends the line's JSON object, without the line's end.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - bytes: Where to write.
    static func append(_ event: RecordedEvent, to bytes: inout [UInt8]) {
        let metadata = event.metadata
        let payload = event.event.payload
        JSONObjectWriter.appendObject(to: &bytes) { object in
            object.member("data") { JSONObjectWriter.append(payload, to: &$0) }
            object.member("eventId") { JSONText.appendUUID(event.id, to: &$0) }
            object.member("metadata") { bytes in appendMetadata(metadata, to: &bytes) }
            object.member("occurredAt", event.occurredAt)
            object.member("position", event.position)
            object.member("recordedAt", event.recordedAt)
            object.member("stream", event.stream)
            object.member("streamVersion", event.streamVersion)
            object.member("type", type(of: payload).eventType)
        }
    }

    private static func appendMetadata(_ metadata: EventMetadata, to bytes: inout [UInt8]) {
        JSONObjectWriter.appendObject(to: &bytes) { object in
            object.member("actor", metadata.actor)
            memberOrNull("causationId", metadata.causationId, in: &object)
            memberOrNull("commandId", metadata.commandId, in: &object)
            memberOrNull("correlationId", metadata.correlationId, in: &object)
            if let provenance = metadata.provenance {
                object.member("provenance") { bytes in
                    JSONObjectWriter.appendObject(to: &bytes) { nested in
                        nested.member("batchId", provenance.batchId)
                        nested.member("file", provenance.file)
                        nested.member("row", provenance.row)
                    }
                }
            } else {
                object.null("provenance")
            }
            object.member("schemaVersion", metadata.schemaVersion)
        }
    }

    private static func memberOrNull(_ key: StaticString, _ value: String?, in object: inout JSONObjectWriter) {
        if let value {
            object.member(key, value)
        } else {
            object.null(key)
        }
    }
}
