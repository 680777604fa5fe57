/// The commands about a contact.
public enum ContactCommand: Sendable, Hashable {
    case add(AddContact)
    case update(UpdateContact)
    case move(MoveContact)
    case forget(ForgetContact)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .add(let command): command
        case .update(let command): command
        case .move(let command): command
        case .forget(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [
        AddContact.self, UpdateContact.self, MoveContact.self, ForgetContact.self,
    ]
}
