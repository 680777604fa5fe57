/// The commands about a lead.
public enum LeadCommand: Sendable, Hashable {
    /// The command's data.
    public var payload: any CommandPayload {
        switch self {}
    }

    static let payloadTypes: [any CommandPayload.Type] = []
}
