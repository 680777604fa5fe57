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
        var text = text
        self = try text.withUTF8 { try StreamName(parsing: UnsafeRawBufferPointer($0)) }
    }

    /// Reads a stream name back from its UTF-8 bytes, as a log record holds it, making no string but the id's, which
    /// comes from the thread's ``RecentStrings`` when the record's stream was read lately.
    ///
    /// - Parameter bytes: The stream name's bytes.
    /// - Throws: ``DomainError`` with code `invalid_stream_name` when the prefix is no known kind or the id is
    ///   not valid.
    public init(parsing bytes: UnsafeRawBufferPointer) throws {
        guard let kind = RecordKind(streamName: bytes) else {
            let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw DomainError(
                .invalidStreamName,
                field: "stream",
                "stream \(String(decoding: bytes, as: UTF8.self)) does not start with one of: \(kinds)"
            )
        }
        let id = UnsafeRawBufferPointer(rebasing: bytes[(kind.rawValue.utf8.count + 1)...])
        guard (1...RecordId.maximumLength).contains(id.count), id.allSatisfy(RecordId.isAllowed) else {
            throw DomainError(
                .invalidStreamName,
                field: "stream",
                "stream \(String(decoding: bytes, as: UTF8.self)) has an id that is not 1 to 64 letters, digits or "
                    + ". _ : -"
            )
        }
        self.init(kind, RecordId(unchecked: RecentStrings.string(decoding: id)))
    }

    /// The stream name, `<kind>-<id>`.
    public var description: String { kind.streamPrefix + id.text }
}
