/// The data of one type of command, such as ``OpenOpportunity``, read from the command's `data` object.
///
/// Optional stored properties of commands are spelled `Optional<Wrapped>`, for the reason ``EventPayload`` gives.
public protocol CommandPayload: Codable, Sendable, Hashable {
    /// The command type's name, e.g. `OpenOpportunity`.
    static var commandType: String { get }
    /// The record the command is about, whose version a command's `expectedVersion` is checked against.
    var target: StreamName { get }
    /// The command, wrapped for dispatch.
    var command: CRMCommand { get }
}

extension CommandPayload {
    /// Reads a command's `data` with every field audited: a field the type does not read is refused.
    ///
    /// - Parameter decoder: The decoder of the `data` object.
    /// - Returns: The command.
    /// - Throws: ``DomainError`` `unknown_field`, or what reading the fields throws.
    static func decodeAudited(from decoder: StrictJSONDecoder) throws -> CRMCommand {
        try decoder.noting(in: FieldLedger(subject: commandType)).decodeEveryField(Self.self).command
    }
}
