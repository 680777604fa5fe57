/// Forgets a lead at the person's request: destroys the key of their personal data, so that their name, email
/// and phone number read as erased everywhere, in every event and read model, from then on.
///
/// The lead itself stays (its company, source, status and campaign); it takes no more changes. A contact the
/// lead was converted into is another record, forgotten with ``ForgetContact``.
public struct ForgetLead: CommandPayload {
    public static let commandType = "ForgetLead"

    /// The lead to forget.
    public var leadId: RecordId
    /// Why, e.g. the erasure request's reference (required).
    public var reason: String

    /// Creates the command.
    public init(leadId: RecordId, reason: String) {
        self.leadId = leadId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.lead, leadId) }
    public var command: CRMCommand { .lead(.forget(self)) }
}
