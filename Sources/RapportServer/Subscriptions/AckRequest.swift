import Foundation
import HTTPTypes

/// The body of `POST /subscriptions/{name}/ack`: `{"position": N}`, the last position processed, with
/// `"rewind": true` to move the checkpoint back on purpose.
struct AckRequest: Decodable, Sendable, Hashable {
    /// The last position processed.
    var position: UInt64
    /// Whether a position before the stored one is meant.
    var rewind: Bool

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case position, rewind
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads the body strictly: an object with a whole, non-negative `position` and an optional boolean `rewind`,
    /// and nothing else.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError`, turned into a problem by ``parse(_:)``.
    init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = all.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw Refusal(code: "unknown_field", field: unknown, detail: "the field \(unknown) is not part of an ack")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.position) else {
            throw Refusal(code: "missing_field", field: "position", detail: "an ack needs the position processed")
        }
        do {
            position = try container.decode(UInt64.self, forKey: .position)
        } catch {
            throw Refusal(
                code: "invalid_field",
                field: "position",
                detail: "position must be a whole number from 0 (a position of the log)"
            )
        }
        do {
            rewind = try container.decodeIfPresent(Bool.self, forKey: .rewind) ?? false
        } catch {
            throw Refusal(code: "invalid_field", field: "rewind", detail: "rewind must be true or false")
        }
    }

    private struct Refusal: Error {
        var code: String
        var field: String
        var detail: String
    }

    /// Reads an ack body.
    ///
    /// - Parameter body: The request body.
    /// - Returns: The ack.
    /// - Throws: ``Problem`` 400 `malformed_body`, `unknown_field`, `missing_field` or `invalid_field`.
    static func parse(_ body: Data) throws -> AckRequest {
        do {
            return try JSONDecoder().decode(AckRequest.self, from: body)
        } catch let refusal as Refusal {
            throw Problem(.badRequest, code: refusal.code, refusal.detail, field: refusal.field)
        } catch {
            throw Problem(
                .badRequest,
                code: "malformed_body",
                "the body must be a JSON object such as {\"position\": 41}"
            )
        }
    }
}
