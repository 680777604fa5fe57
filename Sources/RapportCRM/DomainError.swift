/// A refusal or failure of the CRM domain: a command that breaks a rule, or a configuration that does.
///
/// Every refusal carries a stable ``Code`` that callers switch on, the field it concerns (a JSON path such as
/// `salesStages[3].probability`) and a message that names the field and the rule.
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal. New codes may be added; switch with a `default` case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable text of the code, for example `invalid_id`.
        public let description: String

        init(_ description: String) {
            self.description = description
        }

        /// A record id breaks the id rules (length or characters).
        public static let invalidId = Code("invalid_id")
        /// A stream name is not `<kind>-<id>` for a known kind and a valid id.
        public static let invalidStreamName = Code("invalid_stream_name")
        /// The CRM configuration breaks a rule (duplicate stage, probability out of range, ...).
        public static let invalidConfiguration = Code("invalid_configuration")
        /// The command is not a JSON object, or is cut short.
        public static let malformedCommand = Code("malformed_command")
        /// The command is longer than a command may be.
        public static let commandTooLarge = Code("command_too_large")
        /// The command's `type` names no command.
        public static let unknownCommandType = Code("unknown_command_type")
        /// A required field is missing.
        public static let missingField = Code("missing_field")
        /// A field has the wrong type, format or value.
        public static let invalidField = Code("invalid_field")
        /// A field is not one the command has (often a misspelling).
        public static let unknownField = Code("unknown_field")
        /// The command's `expectedVersion` is not the record's current version.
        public static let versionConflict = Code("version_conflict")
    }

    /// The kind of refusal.
    public var code: Code
    /// The field concerned, as a JSON path, when there is one.
    public var field: String?
    /// What is wrong, naming the field and the rule.
    public var message: String
    /// The record's version when the refusal is a `version_conflict`.
    public var currentVersion: UInt64?

    /// Creates a refusal.
    ///
    /// - Parameters:
    ///   - code: The kind of refusal.
    ///   - field: The field concerned, if any.
    ///   - message: What is wrong, naming the field and the rule.
    ///   - currentVersion: The record's version, for a `version_conflict`.
    public init(_ code: Code, field: String? = nil, _ message: String, currentVersion: UInt64? = nil) {
        self.code = code
        self.field = field
        self.message = message
        self.currentVersion = currentVersion
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
