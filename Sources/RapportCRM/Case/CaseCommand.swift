/// The commands about a case.
public enum CaseCommand: Sendable, Hashable {
    /// The command's data.
    public var payload: any CommandPayload {
        switch self {}
    }

    static let payloadTypes: [any CommandPayload.Type] = []
}
