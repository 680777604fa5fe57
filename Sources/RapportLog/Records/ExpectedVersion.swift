/// What an appender expects a stream's version to be when its records are appended.
///
/// A stream's version is the number of records in it: 0 for a stream that does not exist yet, 1 after its
/// first record. The check runs under the writer, so it holds at the moment of the append.
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible {
    /// No check.
    case any
    /// The stream must not exist yet (version 0).
    case noStream
    /// The stream must exist (version 1 or more).
    case streamExists
    /// The stream must be at exactly this version.
    case exact(UInt64)

    /// Whether a stream at `version` satisfies the expectation.
    ///
    /// - Parameter version: The stream's version at the time of the check.
    /// - Returns: `true` when the append may go ahead.
    public func isSatisfied(by version: UInt64) -> Bool {
        switch self {
        case .any: true
        case .noStream: version == 0
        case .streamExists: version > 0
        case .exact(let expected): version == expected
        }
    }

    /// `any`, `no_stream`, `stream_exists` or the exact number.
    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no_stream"
        case .streamExists: "stream_exists"
        case .exact(let version): String(version)
        }
    }
}
