extension DecisionState {
    /// Folds a contact event, keeping the account's contacts and email index current.
    ///
    /// An account may end up with two contacts sharing an email key when a merge brings them together (a merge
    /// moves every contact of the duplicate, duplicates of the survivor's included); the account's index keeps
    /// both (see ``AccountState/sharedContactEmails``), and the one that held the key first keeps holding it.
    mutating func apply(_ event: ContactEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .added(let added):
            let email = added.email.flatMap { $0.isEmpty ? nil : $0 }
            contacts[id] = ContactState(
                version: version,
                accountId: added.accountId,
                email: email,
                firstName: TextDigest(added.firstName),
                lastName: TextDigest(added.lastName),
                phone: TextDigest(added.phone),
                title: TextDigest(added.title)
            )
            accounts.modifyValue(forKey: added.accountId) { $0.contacts.insert(id) }
            if let email {
                accounts.modifyValue(forKey: added.accountId) {
                    $0.indexContactEmail(FieldRules.emailKey(email), of: id)
                }
            }
        case .updated(let updated):
            guard let contact = contacts[id] else { return }
            if let email = updated.email {
                let oldKey = contact.email.map(FieldRules.emailKey)
                let newKey = email.isEmpty ? nil : FieldRules.emailKey(email)
                if oldKey != newKey {
                    if let oldKey { accounts[contact.accountId]?.unindexContactEmail(oldKey, of: id) }
                    if let newKey { accounts[contact.accountId]?.indexContactEmail(newKey, of: id) }
                }
            }
            contacts.modifyValue(forKey: id) { $0.take(updated, version: version) }
        case .moved(let moved):
            guard let contact = contacts[id] else { return }
            let from = moved.transfer.fromAccountId
            let to = moved.transfer.toAccountId
            contacts.modifyValue(forKey: id) { contact in
                contact.version = version
                contact.accountId = to
            }
            accounts.modifyValue(forKey: from) { $0.contacts.remove(id) }
            accounts.modifyValue(forKey: to) { $0.contacts.insert(id) }
            if let email = contact.email {
                let key = FieldRules.emailKey(email)
                accounts.modifyValue(forKey: from) { $0.unindexContactEmail(key, of: id) }
                accounts.modifyValue(forKey: to) { $0.indexContactEmail(key, of: id) }
            }
        case .forgotten:
            guard let contact = contacts[id] else { return }
            if let email = contact.email {
                accounts.modifyValue(forKey: contact.accountId) {
                    $0.unindexContactEmail(FieldRules.emailKey(email), of: id)
                }
            }
            contacts.modifyValue(forKey: id) { $0.forget(version: version) }
        }
    }
}

extension ContactState {
    /// Takes the fields an update changed.
    ///
    /// - Parameters:
    ///   - updated: The changes.
    ///   - version: The stream's version after the event.
    /// Drops the personal fields, keeping the digests of no text, and takes no more updates.
    ///
    /// - Parameter version: The stream's version after the event.
    fileprivate mutating func forget(version: UInt64) {
        self.version = version
        email = nil
        firstName = TextDigest(nil)
        lastName = TextDigest(nil)
        phone = TextDigest(nil)
        forgotten = true
    }

    fileprivate mutating func take(_ updated: ContactUpdated, version: UInt64) {
        self.version = version
        if let firstName = updated.firstName { self.firstName = TextDigest(firstName) }
        if let lastName = updated.lastName { self.lastName = TextDigest(lastName) }
        if let email = updated.email { self.email = email.isEmpty ? nil : email }
        if let phone = updated.phone { self.phone = TextDigest(phone) }
        if let title = updated.title { self.title = TextDigest(title) }
    }
}
