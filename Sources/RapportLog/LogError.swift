/// An error raised by the log engine.
///
/// Every failure carries a stable ``Code`` that callers can switch on, a message that names the file, field or
/// rule involved, an optional underlying cause and the place in the source that raised it.
public struct LogError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure. New codes may be added; switch with a `default` case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case wrongExpectedVersion = "wrong_expected_version"
            case invalidRecord = "invalid_record"
            case appendTooLarge = "append_too_large"
            case directoryLocked = "directory_locked"
            case directoryUnavailable = "directory_unavailable"
            case ioFailure = "io_failure"
            case corruptData = "corrupt_data"
            case closed = "closed"
            case writerFailed = "writer_failed"
            case positionOutOfRange = "position_out_of_range"
            case streamNotFound = "stream_not_found"
            case sessionFailed = "session_failed"
            case streamsNotIndexed = "streams_not_indexed"
        }

        private let value: Value

        private init(_ value: Value) {
            self.value = value
        }

        /// The stable text of the code, for example `wrong_expected_version`.
        public var description: String { value.rawValue }

        /// An expected-version check failed; nothing of the append was written.
        public static let wrongExpectedVersion = Code(.wrongExpectedVersion)
        /// A proposed record breaks a rule (empty stream id, field too long, ...).
        public static let invalidRecord = Code(.invalidRecord)
        /// One append holds more bytes than a single batch may carry.
        public static let appendTooLarge = Code(.appendTooLarge)
        /// Another process (or another open log in this one) holds the writer lock.
        public static let directoryLocked = Code(.directoryLocked)
        /// The data directory can not be created, opened or listed.
        public static let directoryUnavailable = Code(.directoryUnavailable)
        /// A read, write, sync or truncate failed at the operating system.
        public static let ioFailure = Code(.ioFailure)
        /// Bytes on disk do not match their checksum, hash or declared structure.
        public static let corruptData = Code(.corruptData)
        /// The log was closed.
        public static let closed = Code(.closed)
        /// An earlier write or sync failed; the log must be reopened before it accepts appends again.
        public static let writerFailed = Code(.writerFailed)
        /// A position past the end of the log was asked for.
        public static let positionOutOfRange = Code(.positionOutOfRange)
        /// No record was ever appended to the stream asked for.
        public static let streamNotFound = Code(.streamNotFound)
        /// An earlier append of the same ``AppendSession`` failed, so this one was not written.
        public static let sessionFailed = Code(.sessionFailed)
        /// A stream was asked for from a log opened with ``StreamIndexing/notIndexed``, which reads by position
        /// only.
        public static let streamsNotIndexed = Code(.streamsNotIndexed)
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, naming the file, field or rule.
    public var message: String
    /// The underlying error, when there is one.
    public var cause: (any Error & Sendable)?
    /// The source file that raised the error.
    public var file: String
    /// The source line that raised the error.
    public var line: Int
    /// For ``Code/wrongExpectedVersion``: the stream's version when the append was checked.
    public var currentVersion: UInt64?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong, naming the file, field or rule.
    ///   - cause: The underlying error, if any.
    ///   - currentVersion: The stream's version, for expected-version failures.
    ///   - file: The source file raising the error.
    ///   - line: The source line raising the error.
    public init(
        _ code: Code,
        _ message: String,
        cause: (any Error & Sendable)? = nil,
        currentVersion: UInt64? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.cause = cause
        self.currentVersion = currentVersion
        self.file = file
        self.line = line
    }

    /// `code: message`, followed by the cause when there is one.
    public var description: String {
        if let cause {
            return "\(code): \(message) (\(cause))"
        }
        return "\(code): \(message)"
    }
}
