import Foundation
public import RapportLog
import RapportTime

/// One record given as a line of JSON, the input format of `rapport log append`.
///
/// A line is an object with `stream` (non-empty string), `type` (non-empty string), `data` (any JSON value),
/// and optionally `expectedVersion` (`"any"`, `"no_stream"`, `"stream_exists"` or a non-negative integer;
/// `"any"` when absent), `metadata` (an object), `id` (a UUID) and `occurredAt` (an RFC 3339 time). Any other
/// field is refused, so a misspelt field is never silently ignored. `data` and `metadata` are stored as
/// compact JSON with sorted keys.
public enum RecordInput {
    private static let knownFields: Set<String> = [
        "stream", "type", "data", "expectedVersion", "metadata", "id", "occurredAt",
    ]

    /// Parses one line into a record to append.
    ///
    /// - Parameters:
    ///   - line: The line's text.
    ///   - number: The line's number, counted from 1, for error messages.
    /// - Returns: The proposed record.
    /// - Throws: ``RapportError`` with code `invalid_input`, naming the line, the field and the rule.
    public static func parse(_ line: String, number: Int) throws -> ProposedRecord {
        func refuse(_ rule: String) -> RapportError {
            RapportError(.invalidInput, "line \(number): \(rule)")
        }
        guard let value = JSONValue.parse(line.utf8) else {
            throw refuse("is not valid JSON")
        }
        guard case .object(let object) = value else {
            throw refuse("must be a JSON object")
        }
        if let unknown = object.keys.sorted().first(where: { !knownFields.contains($0) }) {
            throw refuse("field \"\(unknown)\" is not known; allowed: \(knownFields.sorted().joined(separator: ", "))")
        }
        let stream = try name(object["stream"], field: "stream", refuse: refuse)
        let type = try name(object["type"], field: "type", refuse: refuse)
        guard let data = object["data"] else {
            throw refuse("field \"data\" is required (any JSON value)")
        }
        return ProposedRecord(
            id: try id(object["id"], refuse: refuse),
            streamId: stream,
            type: type,
            expectedVersion: try expectedVersion(object["expectedVersion"], refuse: refuse),
            occurredAt: try occurredAt(object["occurredAt"], refuse: refuse),
            metadata: try metadata(object["metadata"], refuse: refuse),
            payload: data.canonicalText
        )
    }

    private static func name(_ value: JSONValue?, field: String, refuse: (String) -> RapportError) throws -> String {
        guard case .string(let text) = value else {
            throw refuse("field \"\(field)\" is required and must be a string")
        }
        guard !text.isEmpty else {
            throw refuse("field \"\(field)\" must not be empty")
        }
        return text
    }

    private static func expectedVersion(
        _ value: JSONValue?,
        refuse: (String) -> RapportError
    ) throws -> ExpectedVersion {
        let rule = "field \"expectedVersion\" must be \"any\", \"no_stream\", \"stream_exists\" or a whole number >= 0"
        switch value {
        case nil, .string("any"): return .any
        case .string("no_stream"): return .noStream
        case .string("stream_exists"): return .streamExists
        case .integer(let version) where version >= 0: return .exact(UInt64(version))
        case .unsignedInteger(let version): return .exact(version)
        default: throw refuse(rule)
        }
    }

    private static func id(_ value: JSONValue?, refuse: (String) -> RapportError) throws -> UUID {
        guard let value else { return UUID() }
        guard case .string(let text) = value, let id = UUID(uuidString: text) else {
            throw refuse("field \"id\" must be a UUID such as 7d444840-9dc0-11d1-b245-5ffdce74fad2")
        }
        return id
    }

    private static func occurredAt(_ value: JSONValue?, refuse: (String) -> RapportError) throws -> Timestamp? {
        guard let value else { return nil }
        guard case .string(let text) = value, let time = Timestamp(rfc3339: text) else {
            throw refuse("field \"occurredAt\" must be an RFC 3339 time such as 2026-03-01T09:00:00Z")
        }
        return time
    }

    private static func metadata(_ value: JSONValue?, refuse: (String) -> RapportError) throws -> [UInt8] {
        guard let value else { return [] }
        guard case .object = value else {
            throw refuse("field \"metadata\" must be a JSON object")
        }
        return value.canonicalText
    }
}
