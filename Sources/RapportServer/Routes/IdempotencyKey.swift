import HTTPTypes
import RapportCRM

/// The `Idempotency-Key` header: the command id of a command sent without one, so a retried request returns
/// the first result instead of running the command again. In a list, command *i* gets `KEY/i`.
struct IdempotencyKey {
    /// The header's value.
    let value: String

    /// Reads the header.
    ///
    /// - Parameter header: The header's value, if sent.
    /// - Returns: `nil` when the header was not sent.
    /// - Throws: ``Problem`` 400 `invalid_idempotency_key` when it is empty, too long or not printable ASCII.
    init?(_ header: String?) throws {
        guard let header else { return nil }
        let longest = CommandEnvelope.maximumIdLength - 6
        guard !header.isEmpty, header.utf8.count <= longest, header.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else {
            throw Problem(
                .badRequest,
                code: "invalid_idempotency_key",
                "the Idempotency-Key header must be 1 to \(longest) printable ASCII characters without spaces",
                field: "Idempotency-Key"
            )
        }
        value = header
    }

    /// Gives a command the key as its command id, unless it carries the same id already.
    ///
    /// - Parameters:
    ///   - envelope: The command.
    ///   - index: Its place in a list, or `nil` for a single command.
    /// - Throws: ``Problem`` 400 `idempotency_key_mismatch` when the command carries a different command id.
    func assign(to envelope: inout CommandEnvelope, index: Int?) throws {
        let commandId = index.map { "\(value)/\($0)" } ?? value
        if let existing = envelope.commandId, existing != commandId {
            throw Problem(
                .badRequest,
                code: "idempotency_key_mismatch",
                "the command's commandId \(existing) differs from the Idempotency-Key \(commandId)",
                field: index.map { "[\($0)].commandId" } ?? "commandId"
            )
        }
        envelope.commandId = commandId
    }
}
