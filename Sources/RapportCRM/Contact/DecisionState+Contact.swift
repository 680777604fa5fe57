extension DecisionState {
    func decide(_ command: ContactCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .add(let command): try decideAdd(command)
        case .update(let command): try decideUpdate(command)
        case .move(let command): try decideMove(command)
        case .forget(let command): try decideForget(command)
        }
    }

    private func existingContact(_ id: RecordId) throws -> ContactState {
        guard let contact = contacts[id] else {
            throw DomainError(
                .contactNotFound,
                field: "data.contactId",
                "data.contactId names contact \(id), which does not exist"
            )
        }
        return contact
    }

    private func decideAdd(_ command: AddContact) throws -> [NewEvent] {
        guard contacts[command.contactId] == nil else {
            throw DomainError(
                .contactExists,
                field: "data.contactId",
                "data.contactId names contact \(command.contactId), which already exists"
            )
        }
        let account = try accountAcceptingNewRecords(command.accountId, field: "data.accountId")
        if let email = command.email {
            _ = try FieldRules.email(email, field: "data.email")
            if let holder = account.contactEmails[FieldRules.emailKey(email)] {
                throw DomainError(
                    .duplicateContactEmail,
                    field: "data.email",
                    "data.email \(email) is already the email of contact \(holder) of account \(command.accountId)"
                )
            }
        }
        let event = ContactAdded(
            accountId: command.accountId,
            firstName: try FieldRules.optionalText(command.firstName, field: "data.firstName"),
            lastName: try FieldRules.text(command.lastName, field: "data.lastName"),
            email: command.email,
            phone: try FieldRules.optionalText(command.phone, field: "data.phone"),
            title: try FieldRules.optionalText(command.title, field: "data.title")
        )
        return [NewEvent(command.contactId, .contact(.added(event)))]
    }

    private func decideUpdate(_ command: UpdateContact) throws -> [NewEvent] {
        let contact = try existingContact(command.contactId)
        guard !contact.forgotten else { throw Self.forgotten(command.contactId) }
        var event = ContactUpdated()
        event.firstName = try contact.firstName.change(to: command.firstName, field: "data.firstName")
        if let lastName = command.lastName,
            TextDigest(try FieldRules.text(lastName, field: "data.lastName")) != contact.lastName
        {
            event.lastName = lastName
        }
        if let email = command.email {
            event.email = try changedEmail(email, of: command.contactId, contact)
        }
        event.phone = try contact.phone.change(to: command.phone, field: "data.phone")
        event.title = try contact.title.change(to: command.title, field: "data.title")
        guard event != ContactUpdated() else { return [] }
        return [NewEvent(command.contactId, .contact(.updated(event)))]
    }

    /// The email an update sets, when valid, different and not another contact's of the account.
    ///
    /// - Parameters:
    ///   - email: The email the command gives; empty removes the contact's.
    ///   - id: The contact's id.
    ///   - contact: Its state.
    /// - Returns: The email, or nil when it changes nothing.
    /// - Throws: ``DomainError`` `invalid_field` or `duplicate_contact_email`.
    private func changedEmail(_ email: String, of id: RecordId, _ contact: ContactState) throws -> String? {
        guard !email.isEmpty else { return contact.email == nil ? nil : "" }
        _ = try FieldRules.email(email, field: "data.email")
        guard email != contact.email else { return nil }
        let key = FieldRules.emailKey(email)
        // A new letter case of the contact's own address adds no duplicate, even where a merge left one.
        if key != contact.email.map(FieldRules.emailKey),
            let holder = accounts[contact.accountId]?.contactEmails[key]
        {
            throw DomainError(
                .duplicateContactEmail,
                field: "data.email",
                "data.email \(email) is already the email of contact \(holder) of account \(contact.accountId)"
            )
        }
        return email
    }

    private func decideForget(_ command: ForgetContact) throws -> [NewEvent] {
        let contact = try existingContact(command.contactId)
        guard !contact.forgotten else { throw Self.forgotten(command.contactId) }
        let event = ContactForgotten(reason: try FieldRules.text(command.reason, field: "data.reason"))
        return [NewEvent(command.contactId, .contact(.forgotten(event)))]
    }

    private static func forgotten(_ id: RecordId) -> DomainError {
        DomainError(
            .contactForgotten,
            field: "data.contactId",
            "data.contactId names contact \(id), which was forgotten: its personal data is erased and it takes no "
                + "more updates"
        )
    }

    private func decideMove(_ command: MoveContact) throws -> [NewEvent] {
        let contact = try existingContact(command.contactId)
        guard command.toAccountId != contact.accountId else {
            throw DomainError(
                .sameAccount,
                field: "data.toAccountId",
                "data.toAccountId names account \(command.toAccountId), where contact \(command.contactId) already is"
            )
        }
        let target = try accountAcceptingNewRecords(command.toAccountId, field: "data.toAccountId")
        if let email = contact.email, let holder = target.contactEmails[FieldRules.emailKey(email)] {
            throw DomainError(
                .duplicateContactEmail,
                field: "data.toAccountId",
                "data.toAccountId names account \(command.toAccountId), whose contact \(holder) already has the "
                    + "email \(email) of contact \(command.contactId)"
            )
        }
        let transfer = AccountTransfer(
            fromAccountId: contact.accountId,
            toAccountId: command.toAccountId,
            viaMerge: false
        )
        return [NewEvent(command.contactId, .contact(.moved(ContactMoved(transfer))))]
    }
}
