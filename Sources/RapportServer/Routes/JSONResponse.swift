import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON answers, keys sorted so that equal answers are equal bytes.
enum JSONResponse {
    /// An answer carrying a value as JSON.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - status: The status, 200 unless given.
    ///   - contentType: The media type, `application/json` unless given.
    /// - Returns: The response.
    /// - Throws: What the encoder throws.
    static func make(
        _ value: some Encodable,
        status: HTTPResponse.Status = .ok,
        contentType: String = "application/json"
    ) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return answer(ByteBuffer(bytes: try encoder.encode(value)), status: status, contentType: contentType)
    }

    /// An answer carrying JSON text written as bytes elsewhere.
    ///
    /// - Parameters:
    ///   - json: The JSON text.
    ///   - status: The status.
    /// - Returns: The response, `application/json`.
    static func bytes(_ json: [UInt8], status: HTTPResponse.Status) -> Response {
        answer(ByteBuffer(bytes: json), status: status)
    }

    /// An answer carrying JSON text written elsewhere.
    ///
    /// - Parameter json: The JSON text.
    /// - Returns: The response, 200 `application/json`.
    static func text(_ json: String) -> Response {
        answer(ByteBuffer(string: json), status: .ok)
    }

    private static func answer(
        _ body: ByteBuffer,
        status: HTTPResponse.Status,
        contentType: String = "application/json"
    ) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: body))
    }
}
