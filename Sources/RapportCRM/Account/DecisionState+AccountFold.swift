extension DecisionState {
    mutating func apply(_ event: AccountEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .opened(let opened):
            accounts[id] = AccountState(
                version: version,
                name: opened.name,
                ownerId: opened.ownerId,
                parentAccountId: opened.parentAccountId,
                status: .active,
                type: TextDigest(opened.type),
                industry: TextDigest(opened.industry),
                website: TextDigest(opened.website),
                annualRevenue: opened.annualRevenue,
                employees: opened.employees,
                billingCountry: TextDigest(opened.billingCountry),
                territory: TextDigest(opened.territory)
            )
            if let parent = opened.parentAccountId {
                accounts.modifyValue(forKey: parent) { $0.children.insert(id) }
            }
        case .updated(let updated):
            if let parent = updated.parentAccountId, accounts[id] != nil {
                if let previous = accounts[id]?.parentAccountId {
                    accounts.modifyValue(forKey: previous) { $0.children.remove(id) }
                }
                accounts.modifyValue(forKey: parent) { $0.children.insert(id) }
            }
            if updated.parentRemoved == true, let previous = accounts[id]?.parentAccountId {
                accounts.modifyValue(forKey: previous) { $0.children.remove(id) }
            }
            accounts.modifyValue(forKey: id) { $0.take(updated, version: version) }
        case .ownerReassigned(let reassigned):
            accounts.modifyValue(forKey: id) { account in
                account.ownerId = reassigned.toOwnerId
                account.version = version
            }
        case .deactivated:
            accounts.modifyValue(forKey: id) { account in
                account.status = .inactive
                account.version = version
            }
        case .reactivated:
            accounts.modifyValue(forKey: id) { account in
                account.status = .active
                account.version = version
            }
        case .merged(let merged):
            // The merged account leaves the hierarchy, so no later merge or cycle check finds it.
            if let parent = accounts[id]?.parentAccountId {
                accounts.modifyValue(forKey: parent) { $0.children.remove(id) }
            }
            accounts.modifyValue(forKey: id) { account in
                account.parentAccountId = nil
                account.status = .merged(into: merged.intoAccountId)
                account.version = version
            }
        case .mergedIn:
            // The records' own transfer events, in the same append, move the links.
            accounts.modifyValue(forKey: id) { $0.version = version }
        }
    }
}

extension AccountState {
    /// Takes the fields an update changed, in place (the link sets are left alone).
    ///
    /// - Parameters:
    ///   - updated: The changes.
    ///   - version: The stream's version after the event.
    fileprivate mutating func take(_ updated: AccountUpdated, version: UInt64) {
        self.version = version
        if let name = updated.name { self.name = name }
        if let type = updated.type { self.type = TextDigest(type) }
        if let industry = updated.industry { self.industry = TextDigest(industry) }
        if let website = updated.website { self.website = TextDigest(website) }
        if let annualRevenue = updated.annualRevenue { self.annualRevenue = annualRevenue }
        if let employees = updated.employees { self.employees = employees }
        if let billingCountry = updated.billingCountry { self.billingCountry = TextDigest(billingCountry) }
        if let territory = updated.territory { self.territory = TextDigest(territory) }
        if let parentAccountId = updated.parentAccountId { self.parentAccountId = parentAccountId }
        if updated.parentRemoved == true { self.parentAccountId = nil }
    }
}
