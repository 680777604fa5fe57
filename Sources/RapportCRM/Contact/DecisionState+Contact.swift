extension DecisionState {
    func decide(_ command: ContactCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {}
    }

    mutating func apply(_ event: ContactEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .added(let added):
            contacts[id] = ContactState(version: version, accountId: added.accountId, email: added.email)
            accounts[added.accountId]?.contacts.insert(id)
            if let email = added.email {
                accounts[added.accountId]?.contactEmails[FieldRules.emailKey(email)] = id
            }
        case .moved(let moved):
            contacts[id]?.version = version
            contacts[id]?.accountId = moved.transfer.toAccountId
            accounts[moved.transfer.fromAccountId]?.contacts.remove(id)
            accounts[moved.transfer.toAccountId]?.contacts.insert(id)
            if let email = contacts[id]?.email {
                let key = FieldRules.emailKey(email)
                accounts[moved.transfer.fromAccountId]?.contactEmails[key] = nil
                accounts[moved.transfer.toAccountId]?.contactEmails[key] = id
            }
        }
    }
}
