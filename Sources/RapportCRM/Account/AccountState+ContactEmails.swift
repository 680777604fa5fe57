extension AccountState {
    /// Records that a contact of the account has an email key.
    ///
    /// The first contact with a key holds it in ``contactEmails``; a later one (only a merge brings one) waits in
    /// ``sharedContactEmails``.
    ///
    /// - Parameters:
    ///   - key: The email key.
    ///   - contact: The contact's id.
    mutating func indexContactEmail(_ key: String, of contact: RecordId) {
        guard let holder = contactEmails[key] else {
            contactEmails[key] = contact
            return
        }
        if holder != contact {
            sharedContactEmails[key, default: []].insert(contact)
        }
    }

    /// Records that a contact of the account no longer has an email key (it left or changed its email).
    ///
    /// When it held the key and others share it, the one with the smallest id takes it over, so replay always
    /// gives the same state.
    ///
    /// - Parameters:
    ///   - key: The email key.
    ///   - contact: The contact's id.
    mutating func unindexContactEmail(_ key: String, of contact: RecordId) {
        if contactEmails[key] == contact {
            guard var sharing = sharedContactEmails[key], let next = sharing.min() else {
                contactEmails[key] = nil
                return
            }
            sharing.remove(next)
            contactEmails[key] = next
            sharedContactEmails[key] = sharing.isEmpty ? nil : sharing
        } else if var sharing = sharedContactEmails[key] {
            sharing.remove(contact)
            sharedContactEmails[key] = sharing.isEmpty ? nil : sharing
        }
    }
}
