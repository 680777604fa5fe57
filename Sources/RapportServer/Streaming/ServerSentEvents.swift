import Foundation
import NIOCore
import RapportCRM

/// The frames of an event stream in the `text/event-stream` format: each block of lines ends with an empty line.
enum ServerSentEvents {
    /// The media type of an event stream.
    static let mediaType = "text/event-stream"

    /// Appends one event: `id` (its global position), `event` (its type), `data` (its CloudEvents JSON on one
    /// line).
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - buffer: Where to write.
    static func append(_ event: RecordedEvent, to buffer: inout ByteBuffer) {
        var json: [UInt8] = []
        event.appendCloudEventJSON(to: &json)
        buffer.writeStaticString("id: ")
        buffer.writeString(String(event.position))
        buffer.writeStaticString("\nevent: ")
        buffer.writeString(event.event.eventType)
        buffer.writeStaticString("\ndata: ")
        buffer.writeBytes(json)
        buffer.writeStaticString("\n\n")
    }

    /// Appends a comment block, carrying the position scanned up to when the client's last event id is behind it.
    ///
    /// A block with an `id` but no `data` sets the client's last event id without dispatching an event, so a
    /// client that reconnects does not scan again what its filter passed over.
    ///
    /// - Parameters:
    ///   - comment: The comment, e.g. `heartbeat`.
    ///   - position: The last position scanned, or `nil`.
    ///   - buffer: Where to write.
    static func appendComment(_ comment: String, position: UInt64?, to buffer: inout ByteBuffer) {
        buffer.writeString(": \(comment)\n")
        if let position {
            buffer.writeString("id: \(position)\n")
        }
        buffer.writeString("\n")
    }

    /// Appends the `shutdown` event that tells the client the server is going away and where to resume.
    ///
    /// - Parameters:
    ///   - position: The last position scanned, when the client's last event id is behind it.
    ///   - lastId: The last event id the client holds once it has read this, or `nil` when it holds none.
    ///   - buffer: Where to write.
    static func appendShutdown(position: UInt64?, lastId: UInt64?, to buffer: inout ByteBuffer) {
        if let position {
            buffer.writeString("id: \(position)\n")
        }
        let resume = lastId.map { "\($0)" } ?? "null"
        buffer.writeString(
            "event: shutdown\ndata: {\"detail\":\"the server is shutting down; reconnect with Last-Event-ID\","
                + "\"lastEventId\":\(resume)}\n\n"
        )
    }
}
