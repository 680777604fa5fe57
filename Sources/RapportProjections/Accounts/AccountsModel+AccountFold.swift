import RapportCRM
import RapportTime

extension AccountsModel {
    /// Folds an account's event: its profile, status, hierarchy and merges.
    mutating func applyAccount(_ event: AccountEvent, to id: RecordId, at: Timestamp) {
        switch event {
        case .opened(let opened):
            guard accounts.index(forKey: id) == nil else { return }
            accounts[id] = AccountRecord(opened, at: at, texts: &texts)
            if let parent = opened.parentAccountId { link(id, into: \.childIds, of: parent) }
        case .updated(let update):
            guard accounts.index(forKey: id) != nil else { return }
            accounts.modifyValue(forKey: id) { $0.update(update, texts: &texts) }
            if let parent = update.parentAccountId {
                setParent(of: id, to: parent)
            } else if update.parentRemoved == true {
                setParent(of: id, to: nil)
            }
        case .ownerReassigned(let reassigned):
            accounts.modifyValue(forKey: id) { $0.owner = texts.number(of: reassigned.toOwnerId.text) }
        case .deactivated:
            if accounts[id]?.status == .active { accounts[id]?.status = .inactive }
        case .reactivated:
            if accounts[id]?.status == .inactive { accounts[id]?.status = .active }
        case .merged(let merged):
            accounts.modifyValue(forKey: id) { account in
                account.status = .merged
                account.mergedInto = merged.intoAccountId
            }
        case .mergedIn(let mergedIn):
            accounts.modifyValue(forKey: id) {
                $0.mergedAccounts.append(MergedAccountRecord(id: mergedIn.mergedAccountId, at: at))
            }
        }
    }

    /// Folds a lead's conversion into the account it names.
    mutating func applyConversion(_ converted: LeadConverted, of leadId: RecordId, at: Timestamp) {
        let conversion = LeadConversionRecord(
            leadId: leadId,
            contactId: converted.contactId,
            opportunityId: converted.opportunityId,
            accountCreated: converted.accountCreated,
            at: at
        )
        accounts.modifyValue(forKey: converted.accountId) { $0.leadConversions.append(conversion) }
    }

    /// Moves an account under another parent, or detaches it, keeping both parents' lists of children.
    private mutating func setParent(of id: RecordId, to parent: RecordId?) {
        guard accounts.index(forKey: id) != nil else { return }
        let old = accounts[id]?.parentId
        guard old != parent else { return }
        if let old { unlink(id, from: \.childIds, of: old) }
        accounts.modifyValue(forKey: id) { $0.parentId = parent }
        if let parent { link(id, into: \.childIds, of: parent) }
    }

    /// Adds a record to one of an account's lists, when the view has the account.
    ///
    /// - Parameters:
    ///   - id: The record's id.
    ///   - list: The list.
    ///   - accountId: The account.
    mutating func link(_ id: RecordId, into list: WritableKeyPath<AccountRecord, [RecordId]>, of accountId: RecordId) {
        accounts.modifyValue(forKey: accountId) { $0[keyPath: list].append(id) }
    }

    /// Takes a record out of one of an account's lists.
    ///
    /// - Parameters:
    ///   - id: The record's id.
    ///   - list: The list.
    ///   - accountId: The account.
    mutating func unlink(_ id: RecordId, from list: WritableKeyPath<AccountRecord, [RecordId]>, of accountId: RecordId)
    {
        guard let index = accounts[accountId]?[keyPath: list].firstIndex(of: id) else { return }
        accounts.modifyValue(forKey: accountId) { $0[keyPath: list].remove(at: index) }
    }
}
