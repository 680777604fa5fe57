/// Forgets a contact at the person's request: destroys the key of their personal data, so that their name,
/// email and phone number read as erased everywhere, in every event and read model, from then on.
///
/// The contact itself stays (its account, title and the records that name it); it takes no more updates.
public struct ForgetContact: CommandPayload {
    public static let commandType = "ForgetContact"

    /// The contact to forget.
    public var contactId: RecordId
    /// Why, e.g. the erasure request's reference (required).
    public var reason: String

    /// Creates the command.
    public init(contactId: RecordId, reason: String) {
        self.contactId = contactId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.contact, contactId) }
    public var command: CRMCommand { .contact(.forget(self)) }
}
