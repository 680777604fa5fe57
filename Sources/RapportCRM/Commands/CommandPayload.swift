/// The data of one type of command, such as ``OpenOpportunity``, read from the command's `data` object.
public protocol CommandPayload: Codable, Sendable, Hashable {
    /// The command type's name, e.g. `OpenOpportunity`.
    static var commandType: String { get }
    /// The record the command is about, whose version a command's `expectedVersion` is checked against.
    var target: StreamName { get }
    /// The command, wrapped for dispatch.
    var command: CRMCommand { get }
}
