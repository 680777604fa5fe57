/// A failure of the server's own setup: its options or its files.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    /// A stable name for the kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's text, e.g. `invalid_tokens_file`.
        public let description: String

        init(_ description: String) {
            self.description = description
        }

        /// The tokens file can not be read or written.
        public static let invalidTokensFile = Code("invalid_tokens_file")
        /// The subscriptions' checkpoints can not be read or written.
        public static let checkpointFailure = Code("checkpoint_failure")
    }

    /// What kind of failure it is.
    public var code: Code
    /// What went wrong, for people.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: What went wrong.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
