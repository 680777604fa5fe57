/// The commands about an activity.
public enum ActivityCommand: Sendable, Hashable {
    /// The command's data.
    public var payload: any CommandPayload {
        switch self {}
    }

    static let payloadTypes: [any CommandPayload.Type] = []
}
