extension DecisionState {
    /// Merges a duplicate into a survivor in one decision: the duplicate's `AccountMerged`, the survivor's
    /// `AccountMergedIn`, then a transfer event for each record moving over and an `AccountUpdated` for each
    /// child account, every group sorted by id so the same state always gives the same events.
    ///
    /// - Parameter command: The command.
    /// - Returns: The events, to be appended atomically.
    /// - Throws: ``DomainError`` `same_account`, `account_not_found`, `account_merged`, `account_inactive` (the
    ///   survivor must take new records) or `account_hierarchy_cycle` (the survivor is below the duplicate).
    func decideMerge(_ command: MergeAccounts) throws -> [NewEvent] {
        let survivorId = command.accountId
        let duplicateId = command.mergedAccountId
        guard survivorId != duplicateId else {
            throw DomainError(
                .sameAccount,
                field: "data.mergedAccountId",
                "data.mergedAccountId names account \(duplicateId), the survivor itself; an account cannot be "
                    + "merged into itself"
            )
        }
        _ = try accountAcceptingNewRecords(survivorId, field: "data.accountId")
        let duplicate = try activeOrInactiveAccount(duplicateId, field: "data.mergedAccountId")
        guard !isAccount(survivorId, atOrBelow: duplicateId) else {
            throw DomainError(
                .accountHierarchyCycle,
                field: "data.accountId",
                "data.accountId names account \(survivorId), which is below \(duplicateId) in the account "
                    + "hierarchy; give it another parent before merging \(duplicateId) into it"
            )
        }
        let contactIds = duplicate.contacts.sorted()
        let opportunityIds = duplicate.opportunities.sorted()
        let caseIds = duplicate.cases.sorted()
        let activityIds = duplicate.activities.sorted()
        let childAccountIds = duplicate.children.sorted()
        let mergedIn = AccountMergedIn(
            mergedAccountId: duplicateId,
            contactIds: contactIds,
            opportunityIds: opportunityIds,
            caseIds: caseIds,
            activityIds: activityIds,
            childAccountIds: childAccountIds
        )
        let transfer = AccountTransfer(fromAccountId: duplicateId, toAccountId: survivorId, viaMerge: true)
        var events = [
            NewEvent(duplicateId, .account(.merged(AccountMerged(intoAccountId: survivorId)))),
            NewEvent(survivorId, .account(.mergedIn(mergedIn))),
        ]
        events.reserveCapacity(
            2 + contactIds.count + opportunityIds.count + caseIds.count + activityIds.count + childAccountIds.count
        )
        events += contactIds.map { NewEvent($0, .contact(.moved(ContactMoved(transfer)))) }
        events += opportunityIds.map { NewEvent($0, .opportunity(.transferred(OpportunityTransferred(transfer)))) }
        events += caseIds.map { NewEvent($0, .case(.transferred(CaseTransferred(transfer)))) }
        events += activityIds.map { NewEvent($0, .activity(.transferred(ActivityTransferred(transfer)))) }
        events += childAccountIds.map { NewEvent($0, .account(.updated(AccountUpdated(parentAccountId: survivorId)))) }
        return events
    }
}
