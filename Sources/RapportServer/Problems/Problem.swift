import Foundation
public import HTTPTypes
public import Hummingbird

/// An error answer in the RFC 9457 form (`application/problem+json`), with the domain's stable error code.
///
/// Every refusal the server gives takes this form: the status says what class of problem it is, `code` says
/// exactly which rule, `field` names the JSON path that broke it.
public struct Problem: Error, HTTPResponseError, Encodable, Sendable, Hashable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable error code, e.g. `version_conflict`.
    public var code: String
    /// What went wrong, for people.
    public var detail: String
    /// The JSON path of the field at fault, when one is.
    public var field: String?
    /// The record's current version, on a `version_conflict`.
    public var currentVersion: UInt64?
    /// In a list of commands, the index of the one refused.
    public var index: Int?
    /// In a list of commands, the results of those before the refused one, which were run.
    public var completed: [CommandResponse]?
    /// Headers to add to the answer (e.g. `WWW-Authenticate`).
    public var headers: HTTPFields = [:]

    /// The media type of a problem answer.
    public static let mediaType = "application/problem+json"

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - code: The stable error code.
    ///   - detail: What went wrong.
    ///   - field: The JSON path of the field at fault.
    public init(_ status: HTTPResponse.Status, code: String, _ detail: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.field = field
    }

    private enum CodingKeys: String, CodingKey {
        case type, title, status, detail, code, field, currentVersion, index, completed
    }

    /// Writes the RFC 9457 members (`type`, `title`, `status`, `detail`) and the extensions.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("urn:rapport:problem:\(code)", forKey: .type)
        try container.encode(status.reasonPhrase, forKey: .title)
        try container.encode(status.code, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encode(code, forKey: .code)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encodeIfPresent(currentVersion, forKey: .currentVersion)
        try container.encodeIfPresent(index, forKey: .index)
        try container.encodeIfPresent(completed, forKey: .completed)
    }

    /// The answer carrying this problem.
    ///
    /// - Parameters:
    ///   - request: The request answered.
    ///   - context: Its context.
    /// - Returns: The response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var fields = headers
        fields[.contentType] = Self.mediaType
        return Response(
            status: status,
            headers: fields,
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(self)))
        )
    }
}
