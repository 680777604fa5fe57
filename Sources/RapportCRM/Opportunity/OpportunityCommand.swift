/// The commands about an opportunity.
public enum OpportunityCommand: Sendable, Hashable {
    /// The command's data.
    public var payload: any CommandPayload {
        switch self {}
    }

    static let payloadTypes: [any CommandPayload.Type] = []
}
