public import RapportCRM

/// The lead funnel and campaign results: leads by source and status and how many were converted, and each
/// campaign's members, responses, influenced and won opportunities and costs.
///
/// Events of a lead, campaign or opportunity whose first event it has not folded are ignored. Amounts are
/// summed as recorded, whatever their currency.
public struct FunnelModel: ReadModel {
    /// The model's name, `funnel`.
    public static let name = "funnel"
    /// The version of the fold and of its binary form.
    public static let version = 1
    /// Leads, campaigns, and opportunities for the deals campaigns influenced.
    public static let recordKinds: Set<RecordKind> = [.lead, .campaign, .opportunity]

    /// Lead sources, lead statuses and campaign types.
    var texts = TextPool()
    /// Every lead.
    var leads: [RecordId: LeadRecord] = [:]
    /// Every campaign, in the order they were launched.
    var campaigns: [CampaignRecord] = []
    /// Each campaign's place in ``campaigns``.
    var campaignIndex: [RecordId: Int] = [:]
    /// The opportunities opened with a campaign's id.
    var opportunities: [RecordId: InfluencedOpportunity] = [:]

    /// The funnel before any event.
    public init() {}

    /// Folds one event; events of accounts, contacts, cases and activities are skipped.
    ///
    /// - Parameter event: The event, in log order.
    public mutating func apply(_ event: RecordedEvent) {
        let id = event.stream.id
        switch event.event {
        case .lead(let leadEvent): apply(leadEvent, to: id)
        case .campaign(let campaignEvent): apply(campaignEvent, to: id)
        case .opportunity(let opportunityEvent): apply(opportunityEvent, to: id)
        case .account, .contact, .case, .activity: break
        }
    }

    private mutating func apply(_ event: LeadEvent, to id: RecordId) {
        switch event {
        case .captured(let captured):
            guard leads[id] == nil else { return }
            leads[id] = LeadRecord(
                source: texts.number(of: captured.source),
                status: texts.number(of: captured.status),
                campaign: captured.campaignId.flatMap { campaignIndex[$0] }.map { Int32($0) } ?? -1
            )
        case .statusChanged(let changed):
            guard leads[id] != nil else { return }
            leads.modifyValue(forKey: id) { $0.status = texts.number(of: changed.toStatus) }
        case .disqualified:
            leads.modifyValue(forKey: id) { $0.disqualified = true }
        case .converted(let converted):
            guard leads[id] != nil else { return }
            leads.modifyValue(forKey: id) { lead in
                lead.status = texts.number(of: converted.status)
                lead.converted = true
            }
        case .forgotten:
            break
        }
    }

    private mutating func apply(_ event: CampaignEvent, to id: RecordId) {
        if case .launched(let launched) = event {
            guard campaignIndex[id] == nil else { return }
            campaignIndex[id] = campaigns.count
            campaigns.append(
                CampaignRecord(
                    id: id,
                    name: launched.name,
                    type: texts.number(of: launched.type),
                    budgetedCost: launched.budgetedCost
                )
            )
            return
        }
        guard let index = campaignIndex[id] else { return }
        switch event {
        case .launched:
            break
        case .memberAdded(let added):
            switch added.memberKind {
            case .lead: campaigns[index].leadMembers += 1
            case .contact: campaigns[index].contactMembers += 1
            }
        case .responseRecorded:
            campaigns[index].responses += 1
        case .costRecorded(let recorded):
            campaigns[index].actualCost = recorded.actualCost
        case .completed:
            campaigns[index].completed = true
        }
    }

    private mutating func apply(_ event: OpportunityEvent, to id: RecordId) {
        if case .opened(let opened) = event {
            guard opportunities[id] == nil, let campaign = opened.campaignId.flatMap({ campaignIndex[$0] }) else {
                return
            }
            opportunities[id] = InfluencedOpportunity(campaign: Int32(campaign), amount: opened.amount)
            return
        }
        guard opportunities[id] != nil else { return }
        switch event {
        case .opened, .transferred, .stageChanged, .closeDateMoved:
            break
        case .amountChanged(let changed):
            opportunities.modifyValue(forKey: id) { $0.amount = changed.to }
        case .lineItemAdded(let added):
            opportunities.modifyValue(forKey: id) { $0.amount = added.amount }
        case .lineItemRemoved(let removed):
            opportunities.modifyValue(forKey: id) { $0.amount = removed.amount }
        case .closedWon(let won):
            opportunities.modifyValue(forKey: id) { opportunity in
                opportunity.amount = won.amount
                opportunity.won = true
            }
        case .closedLost(let lost):
            opportunities.modifyValue(forKey: id) { opportunity in
                opportunity.amount = lost.amount
                opportunity.won = false
            }
        case .reopened:
            opportunities.modifyValue(forKey: id) { $0.won = false }
        }
    }
}
