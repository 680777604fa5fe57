import RapportCRM
import RapportTime

extension AccountsModel {
    /// Folds a contact's event; a move takes the contact, with its campaign touches, to the other account.
    mutating func applyContact(_ event: ContactEvent, to id: RecordId, at: Timestamp) {
        switch event {
        case .added(let added):
            guard contacts.index(forKey: id) == nil else { return }
            contacts[id] = ContactRecord(added, at: at, texts: &texts)
            link(id, into: \.contactIds, of: added.accountId)
        case .updated(let update):
            contacts.modifyValue(forKey: id) { $0.update(update, texts: &texts) }
        case .moved(let moved):
            guard let from = contacts[id]?.accountId else { return }
            contacts.modifyValue(forKey: id) { $0.accountId = moved.transfer.toAccountId }
            transfer(id, in: \.contactIds, from: from, to: moved.transfer.toAccountId)
        case .forgotten:
            contacts.modifyValue(forKey: id) { $0.forget() }
        }
    }

    /// Folds an opportunity's event.
    mutating func applyOpportunity(_ event: OpportunityEvent, to id: RecordId, at: Timestamp) {
        switch event {
        case .opened(let opened):
            guard opportunities.index(forKey: id) == nil else { return }
            opportunities[id] = OpportunityRecord(opened, at: at, texts: &texts)
            link(id, into: \.opportunityIds, of: opened.accountId)
        case .transferred(let transferred):
            guard let from = opportunities[id]?.accountId else { return }
            opportunities.modifyValue(forKey: id) { $0.accountId = transferred.transfer.toAccountId }
            transfer(id, in: \.opportunityIds, from: from, to: transferred.transfer.toAccountId)
        default:
            opportunities.modifyValue(forKey: id) { $0.apply(event, texts: &texts) }
        }
    }

    /// Folds a case's event.
    mutating func applyCase(_ event: CaseEvent, to id: RecordId, at: Timestamp) {
        switch event {
        case .opened(let opened):
            guard cases.index(forKey: id) == nil else { return }
            cases[id] = CaseRecord(opened, at: at, texts: &texts)
            link(id, into: \.caseIds, of: opened.accountId)
        case .transferred(let transferred):
            guard let from = cases[id]?.accountId else { return }
            cases.modifyValue(forKey: id) { $0.accountId = transferred.transfer.toAccountId }
            transfer(id, in: \.caseIds, from: from, to: transferred.transfer.toAccountId)
        default:
            cases.modifyValue(forKey: id) { $0.apply(event, at: at, texts: &texts) }
        }
    }

    /// Folds a campaign's event: its name, and the memberships and responses of contacts.
    mutating func applyCampaign(_ event: CampaignEvent, to id: RecordId, at: Timestamp) {
        switch event {
        case .launched(let launched):
            campaigns[id] = launched.name
        case .memberAdded(let added):
            guard added.memberKind == .contact,
                contacts[added.memberId]?.campaigns.contains(where: { $0.campaignId == id }) == false
            else { return }
            contacts.modifyValue(forKey: added.memberId) {
                $0.campaigns.append(CampaignTouchRecord(campaignId: id, addedAt: at))
            }
        case .responseRecorded(let response):
            guard response.memberKind == .contact,
                let index = contacts[response.memberId]?.campaigns.firstIndex(where: { $0.campaignId == id }),
                contacts[response.memberId]?.campaigns[index].respondedAt == nil
            else { return }
            contacts.modifyValue(forKey: response.memberId) { $0.campaigns[index].respondedAt = at }
        case .costRecorded, .completed: break
        }
    }

    /// Moves a record from one account's list to another's.
    private mutating func transfer(
        _ id: RecordId,
        in list: WritableKeyPath<AccountRecord, [RecordId]>,
        from old: RecordId,
        to new: RecordId
    ) {
        unlink(id, from: list, of: old)
        link(id, into: list, of: new)
    }
}
