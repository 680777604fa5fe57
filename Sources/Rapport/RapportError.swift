/// An error raised by the Rapport engine and its tools.
///
/// Every failure carries a stable ``Code``, a message that names the input line, field and rule involved, an
/// optional underlying cause and the place in the source that raised it.
public struct RapportError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure. New codes may be added; switch with a `default` case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable text of the code, for example `invalid_input`.
        public let description: String

        private init(_ description: String) {
            self.description = description
        }

        /// Input (a JSON line, a field, an option) breaks a rule; nothing was written.
        public static let invalidInput = Code("invalid_input")
        /// The log refused or failed an operation; the cause is a `LogError`.
        public static let logFailure = Code("log_failure")
        /// A file outside the log (input data, a dataset) could not be read.
        public static let unreadableInput = Code("unreadable_input")
        /// A record in the log is not a CRM event this version can read.
        public static let unreadableEvent = Code("unreadable_event")
        /// An append failed after its command was decided, so the engine's state no longer matches the log;
        /// it takes no more commands until it is opened again.
        public static let engineFailed = Code("engine_failed")
        /// No event was ever recorded in the stream asked for: no record has that kind and id.
        public static let streamNotFound = Code("stream_not_found")
        /// A snapshot could not be written or read; the log is untouched.
        public static let snapshotFailure = Code("snapshot_failure")
        /// The key store of personal data (its file missing, damaged, or unwritable), or a personal field whose
        /// subject has no key in it; the log is untouched.
        public static let keyStoreFailure = Code("key_store_failure")
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, naming the line, field and rule, and what the cause said.
    public var message: String
    /// The underlying error, when there is one.
    public var cause: (any Error & Sendable)?
    /// The source file that raised the error.
    public var file: String
    /// The source line that raised the error.
    public var line: Int

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong, naming the line, field and rule.
    ///   - cause: The underlying error, if any.
    ///   - file: The source file raising the error.
    ///   - line: The source line raising the error.
    public init(
        _ code: Code,
        _ message: String,
        cause: (any Error & Sendable)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.cause = cause
        self.file = file
        self.line = line
    }

    /// `code: message`; the message already says what the cause was.
    public var description: String {
        "\(code): \(message)"
    }
}
