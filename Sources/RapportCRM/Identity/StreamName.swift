/// The name of a CRM record's stream in the log: `<kind>-<id>`, for example `opportunity-Q3-0042`.
public struct StreamName: Hashable, Sendable, CustomStringConvertible {
    /// The kind of record.
    public let kind: RecordKind
    /// The record's id.
    public let id: RecordId

    /// Names the stream of a record.
    ///
    /// - Parameters:
    ///   - kind: The kind of record.
    ///   - id: The record's id.
    public init(_ kind: RecordKind, _ id: RecordId) {
        self.kind = kind
        self.id = id
    }

    /// Reads a stream name back into its kind and id.
    ///
    /// - Parameter text: The stream name.
    /// - Throws: ``DomainError`` with code `invalid_stream_name` when the prefix is no known kind or the id is
    ///   not valid.
    public init(parsing text: String) throws {
        for kind in RecordKind.allCases where text.hasPrefix(kind.streamPrefix) {
            let rest = String(text.dropFirst(kind.streamPrefix.count))
            guard let id = try? RecordId(rest) else {
                throw DomainError(
                    .invalidStreamName,
                    field: "stream",
                    "stream \(text) has an id that is not 1 to 64 letters, digits or . _ : -"
                )
            }
            self.init(kind, id)
            return
        }
        let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
        throw DomainError(.invalidStreamName, field: "stream", "stream \(text) does not start with one of: \(kinds)")
    }

    /// The stream name, `<kind>-<id>`.
    public var description: String { kind.streamPrefix + id.text }
}
