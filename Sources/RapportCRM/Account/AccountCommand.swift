/// The commands about an account.
public enum AccountCommand: Sendable, Hashable {
    case open(OpenAccount)
    case update(UpdateAccount)
    case reassignOwner(ReassignAccountOwner)
    case deactivate(DeactivateAccount)
    case reactivate(ReactivateAccount)
    case merge(MergeAccounts)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .open(let command): command
        case .update(let command): command
        case .reassignOwner(let command): command
        case .deactivate(let command): command
        case .reactivate(let command): command
        case .merge(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [
        OpenAccount.self, UpdateAccount.self, ReassignAccountOwner.self, DeactivateAccount.self,
        ReactivateAccount.self, MergeAccounts.self,
    ]
}
