import RapportTime

extension DecisionState {
    mutating func apply(_ event: OpportunityEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .opened(let opened):
            opportunities[id] = OpportunityState(opened, version: version)
            accounts.modifyValue(forKey: opened.accountId) { $0.opportunities.insert(id) }
        case .transferred(let transferred):
            opportunities.modifyValue(forKey: id) { opportunity in
                opportunity.version = version
                opportunity.accountId = transferred.transfer.toAccountId
            }
            accounts.modifyValue(forKey: transferred.transfer.fromAccountId) { $0.opportunities.remove(id) }
            accounts.modifyValue(forKey: transferred.transfer.toAccountId) { $0.opportunities.insert(id) }
        case .stageChanged(let changed):
            updateOpportunity(id, version: version) { $0.stage = changed.toStage }
        case .amountChanged(let changed):
            updateOpportunity(id, version: version) { $0.amount = changed.to }
        case .closeDateMoved(let moved):
            updateOpportunity(id, version: version) { $0.closeDate = moved.to }
        case .lineItemAdded(let added):
            updateOpportunity(id, version: version) {
                $0.lineItems[added.lineItemId] = added.lineTotal
                $0.amount = added.amount
            }
        case .lineItemRemoved(let removed):
            updateOpportunity(id, version: version) {
                $0.lineItems[removed.lineItemId] = nil
                $0.amount = removed.amount
            }
        case .closedWon(let closed):
            updateOpportunity(id, version: version) {
                $0.close(stage: closed.stage, amount: closed.amount, on: closed.closeDate)
            }
        case .closedLost(let closed):
            updateOpportunity(id, version: version) {
                $0.close(stage: closed.stage, amount: closed.amount, on: closed.closeDate)
            }
        case .reopened(let reopened):
            updateOpportunity(id, version: version) {
                $0.stage = reopened.toStage
                $0.isClosed = false
            }
        }
    }

    /// Changes an opportunity in place, with one lookup, and sets its version; does nothing when it does not
    /// exist (a fold never fails).
    private mutating func updateOpportunity(
        _ id: RecordId,
        version: UInt64,
        _ change: (inout OpportunityState) -> Void
    ) {
        opportunities.modifyValue(forKey: id) { opportunity in
            opportunity.version = version
            change(&opportunity)
        }
    }
}

extension OpportunityState {
    /// Marks the opportunity closed in a stage, with the amount and the day it closed.
    fileprivate mutating func close(stage: String, amount: Money, on day: CalendarDate) {
        self.stage = stage
        self.amount = amount
        self.closeDate = day
        self.isClosed = true
    }
}
