import Foundation
import HTTPTypes
import Hummingbird

/// Where an event stream starts: after the client's `Last-Event-ID` when it sends one (a reconnecting client, which
/// sends the header on its own, resumes where it stopped, whatever the URL says), else at a position the request
/// names, else at a default.
struct StreamStart: Sendable, Hashable {
    /// The first position to read.
    var position: UInt64
    /// The last event id the client holds, when it sent one.
    var lastId: UInt64?

    /// The header a reconnecting client sends.
    static let lastEventIdHeader = HTTPField.Name("Last-Event-ID")!

    /// Reads the start of a stream.
    ///
    /// - Parameters:
    ///   - request: The request, whose `Last-Event-ID` header wins.
    ///   - otherwise: The first position when there is no header.
    ///   - field: Where `otherwise` comes from, named in a refusal.
    ///   - end: The log's end: a stream may start at it (only new events) but not past it.
    /// - Throws: ``Problem`` 400 `invalid_last_event_id` when the header is not a position, 422
    ///   `position_out_of_range` when the start lies past the log's end.
    init(_ request: Request, otherwise: UInt64, field: String, end: UInt64) throws {
        let header = request.headers[Self.lastEventIdHeader]?.trimmingCharacters(in: .whitespaces) ?? ""
        if header.isEmpty {
            guard otherwise <= end else {
                throw Self.outOfRange(field, "the stream can start at most at the log's end, \(end), not \(otherwise)")
            }
            self.position = otherwise
            return
        }
        guard let lastId = UInt64(header), lastId < UInt64(Int64.max) else {
            throw Problem(
                .badRequest,
                code: "invalid_last_event_id",
                "Last-Event-ID must be the position of an event, a whole number, not \(header)",
                field: "Last-Event-ID"
            )
        }
        guard lastId < end else {
            throw Self.outOfRange(
                "Last-Event-ID",
                "Last-Event-ID \(lastId) is past the log's last position \(Int64(end) - 1); it is not from this log"
            )
        }
        self.position = lastId + 1
        self.lastId = lastId
    }

    private static func outOfRange(_ field: String, _ detail: String) -> Problem {
        Problem(.unprocessableContent, code: "position_out_of_range", detail, field: field)
    }
}
