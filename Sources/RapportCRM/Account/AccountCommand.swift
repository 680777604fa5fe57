/// The commands about an account.
public enum AccountCommand: Sendable, Hashable {
    case open(OpenAccount)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .open(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [OpenAccount.self]
}
