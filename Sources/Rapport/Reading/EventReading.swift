import Foundation
public import RapportCRM
public import RapportLog
import RapportTime

/// Reads CRM events back from log records, upcast to their current schema versions, their personal values
/// opened with the data directory's keys (or marked erased when the person was forgotten).
public enum EventReading {
    /// The event a record in place holds.
    ///
    /// - Parameters:
    ///   - view: The record.
    ///   - keys: The keys that open personal values.
    /// - Returns: The event with its log coordinates and metadata.
    /// - Throws: ``RapportError`` with code `unreadable_event`, naming the position, when the record is not a
    ///   CRM event (a raw record appended with `rapport log append`, or damaged content), or `key_store_failure`
    ///   when its personal values do not open.
    public static func event(in view: RecordView, keys: PersonalDataKeys) throws -> RecordedEvent {
        try event(in: view, opening: keys)
    }

    /// The event a record in place holds, its personal values, if any, still sealed in its metadata (the payload's
    /// personal fields are empty): enough to tell what the event is about before paying for opening them.
    ///
    /// - Parameter view: The record.
    /// - Returns: The event with its log coordinates and metadata.
    /// - Throws: ``RapportError`` with code `unreadable_event`, naming the position.
    static func sealedEvent(in view: RecordView) throws -> RecordedEvent {
        try event(in: view, opening: nil)
    }

    /// The event a record in place holds, its personal values opened with `keys`, or left sealed without them.
    private static func event(in view: RecordView, opening keys: PersonalDataKeys?) throws -> RecordedEvent {
        try event(
            position: view.position,
            id: view.id,
            streamId: view.streamIdBytes,
            streamVersion: view.streamVersion,
            occurredAt: view.occurredAt,
            recordedAt: view.recordedAt,
            type: view.typeBytes,
            metadata: view.metadataBytes,
            payload: view.payloadBytes,
            keys: keys
        )
    }

    /// An event read by ``sealedEvent(in:)`` with its personal values opened (or marked erased when the person was
    /// forgotten), when `keys` open its type.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - keys: The keys that open personal values.
    /// - Returns: The event.
    /// - Throws: ``RapportError`` with code `key_store_failure` when its personal values do not open, or
    ///   `unreadable_event` when they do not fit the event.
    static func opened(_ event: consuming RecordedEvent, keys: PersonalDataKeys) throws -> RecordedEvent {
        guard
            let (metadata, opened) = try opening(
                event.metadata,
                event.event,
                id: event.id,
                stream: event.stream,
                position: event.position,
                keys: keys
            )
        else { return event }
        event.metadata = metadata
        event.event = opened
        return event
    }

    /// The metadata and event with the personal values opened, or `nil` when there are none to open (most events)
    /// or `keys` do not open the event's type.
    private static func opening(
        _ metadata: EventMetadata,
        _ event: CRMEvent,
        id: UUID,
        stream: StreamName,
        position: UInt64,
        keys: PersonalDataKeys
    ) throws -> (EventMetadata, CRMEvent)? {
        guard let sealed = metadata.sealedPersonalData, keys.opens(event) else { return nil }
        let opened = try keys.open(event, sealed: sealed, eventId: id, stream: stream.description, position: position)
        var openedMetadata = metadata
        openedMetadata.sealedPersonalData = nil
        return (openedMetadata, opened)
    }

    /// The event a copied record holds.
    ///
    /// - Parameters:
    ///   - record: The record.
    ///   - keys: The keys that open personal values.
    /// - Returns: The event with its log coordinates and metadata.
    /// - Throws: ``RapportError`` with code `unreadable_event` or `key_store_failure`.
    public static func event(in record: LogRecord, keys: PersonalDataKeys) throws -> RecordedEvent {
        try Array(record.type.utf8).withUnsafeBytes { type in
            try Array(record.streamId.utf8).withUnsafeBytes { streamId in
                try record.metadata.withUnsafeBytes { metadata in
                    try record.payload.withUnsafeBytes { payload in
                        try event(
                            position: record.position,
                            id: record.id,
                            streamId: streamId,
                            streamVersion: record.streamVersion,
                            occurredAt: record.occurredAt,
                            recordedAt: record.recordedAt,
                            type: type,
                            metadata: metadata,
                            payload: payload,
                            keys: keys
                        )
                    }
                }
            }
        }
    }

    /// Up to `limit` events from a position on, in log order.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - position: The first position.
    ///   - limit: The most events.
    ///   - keys: The keys that open personal values.
    /// - Returns: The events.
    /// - Throws: ``RapportError`` with code `unreadable_event`, `key_store_failure` or `log_failure`.
    public static func events(
        in log: EventLog,
        from position: UInt64,
        limit: Int,
        keys: PersonalDataKeys
    ) throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try scan(log, from: position, limit: UInt64(max(0, limit))) { view in
            events.append(try event(in: view, keys: keys))
            return true
        }
        return events
    }

    /// Scans a log like ``EventLog/scan(from:limit:_:)``, reporting the log's failures as `log_failure`.
    ///
    /// - Parameters:
    ///   - log: The log.
    ///   - position: The first position.
    ///   - limit: The most records.
    ///   - readingAhead: Whether another thread reads and decompresses the next batches meanwhile.
    ///   - body: Receives each record in place; returns `false` to stop.
    /// - Throws: ``RapportError`` with code `log_failure`, or what `body` throws.
    static func scan(
        _ log: EventLog,
        from position: UInt64 = 0,
        limit: UInt64 = .max,
        readingAhead: Bool = false,
        _ body: (RecordView) throws -> Bool
    ) throws {
        do {
            try log.scan(from: position, limit: limit, readingAhead: readingAhead, body)
        } catch let error as LogError {
            throw RapportError(.logFailure, "cannot read the log at \(log.directory): \(error)", cause: error)
        }
    }

    /// Goes through the log's batches from a position, each made into a value by `prepare` on reading threads
    /// and handed to `body` with the batch's records in log order (see ``RapportLog/EventLog/scan(from:preparing:_:)``).
    ///
    /// - Throws: ``RapportError`` `log_failure` for a log that cannot be read, or what `prepare` or `body` throw.
    static func scan<Prepared: Sendable>(
        _ log: EventLog,
        from position: UInt64 = 0,
        preparing prepare: @escaping @Sendable (BatchRecords) throws -> Prepared,
        _ body: (BatchRecords, Prepared) throws -> Bool
    ) throws {
        do {
            try log.scan(from: position, preparing: prepare, body)
        } catch let error as LogError {
            throw RapportError(.logFailure, "cannot read the log at \(log.directory): \(error)", cause: error)
        }
    }

    /// The metadata and the event a record's bytes hold, the event upcast to its current schema version and its
    /// personal values, if any, left sealed in the metadata (the payload's personal fields are empty).
    ///
    /// - Parameters:
    ///   - type: The record's type bytes.
    ///   - metadata: The record's metadata bytes.
    ///   - payload: The record's payload bytes.
    ///   - position: The record's position, for the refusal.
    ///   - streamId: The record's stream, for the refusal (made only then).
    /// - Returns: The metadata and the event.
    /// - Throws: ``RapportError`` with code `unreadable_event`, naming the position, stream and type.
    static func contents(
        type: UnsafeRawBufferPointer,
        metadata: UnsafeRawBufferPointer,
        payload: UnsafeRawBufferPointer,
        position: UInt64,
        streamId: @autoclosure () -> String
    ) throws -> (EventMetadata, CRMEvent) {
        do {
            let decodedMetadata = try EventMetadata(decoding: metadata)
            let event = try CRMEvent.decode(type: type, schemaVersion: decodedMetadata.schemaVersion, payload: payload)
            return (decodedMetadata, event)
        } catch {
            throw notACRMEvent(
                position: position,
                stream: streamId(),
                type: String(decoding: type, as: UTF8.self),
                error
            )
        }
    }

    /// The event a record's parts hold, its personal values opened with `keys`, or left sealed without them.
    private static func event(
        position: UInt64,
        id: UUID,
        streamId: UnsafeRawBufferPointer,
        streamVersion: UInt64,
        occurredAt: Timestamp,
        recordedAt: Timestamp,
        type: UnsafeRawBufferPointer,
        metadata: UnsafeRawBufferPointer,
        payload: UnsafeRawBufferPointer,
        keys: PersonalDataKeys?
    ) throws -> RecordedEvent {
        let (decodedMetadata, event) = try contents(
            type: type,
            metadata: metadata,
            payload: payload,
            position: position,
            streamId: String(decoding: streamId, as: UTF8.self)
        )
        let stream: StreamName
        do {
            stream = try StreamName(parsing: streamId)
        } catch {
            throw notACRMEvent(
                position: position,
                stream: String(decoding: streamId, as: UTF8.self),
                type: event.eventType,
                error
            )
        }
        func recorded(_ metadata: consuming EventMetadata, _ event: consuming CRMEvent) -> RecordedEvent {
            RecordedEvent(
                position: position,
                id: id,
                stream: stream,
                streamVersion: streamVersion,
                occurredAt: occurredAt,
                recordedAt: recordedAt,
                metadata: metadata,
                event: event
            )
        }
        // Most events hold no personal values: they pass through without the metadata being copied to change it.
        guard let keys,
            let (openedMetadata, opened) = try opening(
                decodedMetadata,
                event,
                id: id,
                stream: stream,
                position: position,
                keys: keys
            )
        else { return recorded(decodedMetadata, event) }
        return recorded(openedMetadata, opened)
    }

    /// The refusal of a record that does not hold a CRM event, naming where it is and why.
    private static func notACRMEvent(
        position: UInt64,
        stream: String,
        type: String,
        _ error: any Error
    ) -> RapportError {
        RapportError(
            .unreadableEvent,
            "the record at position \(position) (stream \(stream), type \(type)) is not a CRM event: \(error)"
        )
    }
}
