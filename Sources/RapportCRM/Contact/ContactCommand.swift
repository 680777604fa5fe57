/// The commands about a contact.
public enum ContactCommand: Sendable, Hashable {
    /// The command's data.
    public var payload: any CommandPayload {
        switch self {}
    }

    static let payloadTypes: [any CommandPayload.Type] = []
}
