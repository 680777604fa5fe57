/// Adds a contact, a person at an account.
public struct AddContact: CommandPayload {
    public static let commandType = "AddContact"

    /// The new contact's id.
    public var contactId: RecordId
    /// The account the person works for, which must take new records.
    public var accountId: RecordId
    /// The given name.
    public var firstName: Optional<String>
    /// The family name (required).
    public var lastName: String
    /// The email address; no other contact of the account may have it (in any letter case).
    public var email: Optional<String>
    /// The phone number.
    public var phone: Optional<String>
    /// The job title.
    public var title: Optional<String>

    /// Creates the command.
    public init(
        contactId: RecordId,
        accountId: RecordId,
        firstName: String? = nil,
        lastName: String,
        email: String? = nil,
        phone: String? = nil,
        title: String? = nil
    ) {
        self.contactId = contactId
        self.accountId = accountId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
    }

    public var target: StreamName { StreamName(.contact, contactId) }
    public var command: CRMCommand { .contact(.add(self)) }
}

/// Changes a contact's fields; only the fields given are changed.
///
/// An empty text clears an optional field, the email included. The event records only the fields whose value
/// differs from the contact's; a command that changes nothing succeeds with no event.
public struct UpdateContact: CommandPayload {
    public static let commandType = "UpdateContact"

    /// The contact to change.
    public var contactId: RecordId
    /// The new given name.
    public var firstName: Optional<String>
    /// The new family name (not empty).
    public var lastName: Optional<String>
    /// The new email address, which no other contact of the account may have; empty removes it.
    public var email: Optional<String>
    /// The new phone number.
    public var phone: Optional<String>
    /// The new job title.
    public var title: Optional<String>

    /// Creates the command.
    public init(
        contactId: RecordId,
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        title: String? = nil
    ) {
        self.contactId = contactId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
    }

    public var target: StreamName { StreamName(.contact, contactId) }
    public var command: CRMCommand { .contact(.update(self)) }
}

/// Moves a contact to another account, e.g. when the person changes employer.
public struct MoveContact: CommandPayload {
    public static let commandType = "MoveContact"

    /// The contact.
    public var contactId: RecordId
    /// The account it moves to: another one, which takes new records and has no contact with the same email.
    public var toAccountId: RecordId

    /// Creates the command.
    public init(contactId: RecordId, toAccountId: RecordId) {
        self.contactId = contactId
        self.toAccountId = toAccountId
    }

    public var target: StreamName { StreamName(.contact, contactId) }
    public var command: CRMCommand { .contact(.move(self)) }
}
