public import RapportCRM

/// The JSON line `rapport exec` prints for each command.
public enum CommandOutput {
    /// `{"ok":true,"events":[positions…]}`.
    ///
    /// - Parameter result: The command's result.
    /// - Returns: The line, without a newline.
    public static func accepted(_ result: CommandResult) -> String {
        JSONValue.object([
            "ok": .bool(true),
            "events": .array(result.positions.map { .unsignedInteger($0) }),
        ]).canonicalString
    }

    /// `{"ok":false,"error":{"code","message","field"}}`, with `currentVersion` for a `version_conflict`.
    ///
    /// - Parameter refusal: Why the command was refused.
    /// - Returns: The line, without a newline.
    public static func refused(_ refusal: DomainError) -> String {
        var error: [String: JSONValue] = [
            "code": .string(refusal.code.description),
            "message": .string(refusal.message),
        ]
        if let field = refusal.field {
            error["field"] = .string(field)
        }
        if let currentVersion = refusal.currentVersion {
            error["currentVersion"] = .unsignedInteger(currentVersion)
        }
        return JSONValue.object(["ok": .bool(false), "error": .object(error)]).canonicalString
    }

    /// The line for a failure of the engine or the log (code and message, no field).
    ///
    /// - Parameter failure: The failure.
    /// - Returns: The line, without a newline.
    public static func failed(_ failure: RapportError) -> String {
        JSONValue.object([
            "ok": .bool(false),
            "error": .object(["code": .string(failure.code.description), "message": .string(failure.message)]),
        ]).canonicalString
    }
}
