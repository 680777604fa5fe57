import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCRM

/// Events as a CloudEvents JSON batch (`application/cloudevents-batch+json`: a JSON array of events in the
/// structured JSON form), with the position to read from next in the `Rapport-Next-Position` header.
enum CloudEventBatch {
    /// The batch media type.
    static let mediaType = "application/cloudevents-batch+json"
    /// The header naming the position a client reads from next.
    static let nextPositionHeader = HTTPField.Name("Rapport-Next-Position")!
    /// The header naming the stream version a client reads from next, for one stream's events.
    static let nextVersionHeader = HTTPField.Name("Rapport-Next-Version")!

    /// The answer carrying events.
    ///
    /// - Parameters:
    ///   - events: The events, in order.
    ///   - next: The position (or stream version) to read from next.
    ///   - header: The header carrying `next`.
    /// - Returns: The response.
    static func response(
        _ events: [RecordedEvent],
        next: UInt64,
        header: HTTPField.Name = nextPositionHeader
    ) -> Response {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (index, event) in events.enumerated() {
            if index > 0 {
                json.append(UInt8(ascii: ","))
            }
            event.appendCloudEventJSON(to: &json)
        }
        json.append(UInt8(ascii: "]"))
        return Response(
            status: .ok,
            headers: [.contentType: mediaType, header: String(next)],
            body: .init(byteBuffer: ByteBuffer(bytes: json))
        )
    }
}
