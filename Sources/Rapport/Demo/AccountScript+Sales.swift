import RapportCRM
import RapportTime

extension AccountScript {
    /// The open stages of the standard configuration, in pipeline order.
    static let openStages = CRMConfiguration.standard.salesStages.filter { !$0.closed }.map(\.name)

    /// The campaign running around a time.
    func campaign(around time: Timestamp) -> RecordId {
        let day = Int(
            (time.microsecondsSinceEpoch - DemoHistory.start.startOfDay.microsecondsSinceEpoch) / 86_400_000_000
        )
        let index = min(history.campaignCount - 1, max(0, day * history.campaignCount / 700))
        return DemoHistory.campaignId(index)
    }

    /// One to three leads: captured (half of them from a campaign), worked, then converted into this account,
    /// disqualified, or left open.
    mutating func writeLeads() {
        for number in 1...random.number(1...3) {
            let leadId = RecordId(unchecked: "\(accountId.text)-L\(number)")
            let captured = opened.adding(hours: hours(2...3_000))
            let fromCampaign = random.chance(0.5) ? campaign(around: captured) : nil
            let capture = CaptureLead(
                leadId: leadId,
                company: number == 1
                    ? companyName : "\(random.pick(DemoNames.companyStems)) Prospect \(index)-\(number)",
                firstName: random.pick(DemoNames.firstNames),
                lastName: random.pick(DemoNames.lastNames),
                email: "lead\(number)@\(domain)",
                title: random.pick(DemoNames.titles),
                source: fromCampaign == nil ? random.pick(DemoNames.leadSources) : "Campaign",
                campaignId: fromCampaign
            )
            add(capture.command, at: captured, by: owner)
            if let fromCampaign {
                add(
                    AddCampaignMember(campaignId: fromCampaign, leadId: leadId).command,
                    at: captured.adding(hours: 1),
                    by: "marketing-1"
                )
                if random.chance(0.4) {
                    let response = RecordCampaignResponse(campaignId: fromCampaign, leadId: leadId)
                    add(response.command, at: captured.adding(days: Double(random.number(1...10))), by: "marketing-1")
                }
            }
            let worked = captured.adding(days: Double(random.number(11...20)))
            add(ChangeLeadStatus(leadId: leadId, status: "Working - Contacted").command, at: worked, by: owner)
            let decided = worked.adding(days: Double(random.number(3...30)))
            if number == 1, random.chance(0.6) {
                var opportunity: ConvertLead.Opportunity?
                if random.chance(0.5) {
                    opportunity = ConvertLead.Opportunity(
                        opportunityId: RecordId(unchecked: "\(accountId.text)-OL\(number)"),
                        name: "\(companyName) - \(random.pick(DemoNames.productLines))",
                        amount: Money(units: Int64(random.number(5...300)) * 1_000),
                        closeDate: CalendarDate(decided).adding(days: random.number(30...120))
                    )
                }
                let convert = ConvertLead(
                    leadId: leadId,
                    accountId: accountId,
                    contactId: RecordId(unchecked: "\(accountId.text)-CL\(number)"),
                    opportunity: opportunity
                )
                add(convert.command, at: decided, by: owner)
                if let opportunity {
                    progressOpportunity(opportunity.opportunityId, openedAt: decided, closeDate: opportunity.closeDate)
                }
            } else if random.chance(0.5) {
                let disqualify = DisqualifyLead(
                    leadId: leadId,
                    reason: random.pick(["No budget", "Not a fit", "Unresponsive"])
                )
                add(disqualify.command, at: decided, by: owner)
            }
        }
        if random.chance(0.15), let contact = contacts.first {
            let when = contact.added.adding(days: Double(random.number(1...200)))
            add(
                AddCampaignMember(campaignId: campaign(around: when), contactId: contact.id).command,
                at: when,
                by: "marketing-1"
            )
        }
    }

    /// Two to five opportunities, each through the stages to won, lost or still open.
    mutating func writeOpportunities() {
        for number in 1...random.number(2...5) {
            let opportunityId = RecordId(unchecked: "\(accountId.text)-O\(number)")
            let openedAt = opened.adding(hours: hours(24...9_600))
            let closeDate = CalendarDate(openedAt).adding(days: random.number(30...120))
            let open = OpenOpportunity(
                opportunityId: opportunityId,
                accountId: accountId,
                name: "\(companyName) - \(random.pick(DemoNames.productLines))",
                amount: Money(units: Int64(random.number(5...500)) * 1_000),
                currency: random.chance(0.9) ? "USD" : "EUR",
                closeDate: closeDate,
                ownerId: RecordId(unchecked: owner),
                campaignId: random.chance(0.15) ? campaign(around: openedAt) : nil
            )
            add(open.command, at: openedAt, by: owner)
            progressOpportunity(opportunityId, openedAt: openedAt, closeDate: closeDate)
        }
    }

    /// Moves an opportunity through the stages, with line items or amount changes and slipping close dates,
    /// to won (45%), lost (35%) or still open; a few closed ones reopen and close again.
    mutating func progressOpportunity(_ id: RecordId, openedAt: Timestamp, closeDate: CalendarDate) {
        let outcome = Double.random(in: 0..<1, using: &random)
        let lastStage =
            outcome < 0.45
            ? random.number(5...7) : outcome < 0.8 ? random.number(0...6) : random.number(1...7)
        var time = openedAt
        var closeDate = closeDate
        var lineItems = 0
        if random.chance(0.4) {
            for number in 1...random.number(1...3) {
                time = time.adding(hours: hours(2...72))
                let item = AddLineItem(
                    opportunityId: id,
                    lineItemId: RecordId(unchecked: "LI\(number)"),
                    productId: RecordId(unchecked: "P-\(random.number(1...40))"),
                    quantity: random.number(1...50),
                    unitPrice: Money(units: Int64(random.number(1...50)) * 100)
                )
                add(item.command, at: time, by: owner)
                lineItems += 1
            }
            if lineItems > 1, random.chance(0.15) {
                time = time.adding(hours: hours(2...72))
                add(
                    RemoveLineItem(opportunityId: id, lineItemId: RecordId(unchecked: "LI1")).command,
                    at: time,
                    by: owner
                )
            }
        } else if random.chance(0.25) {
            time = time.adding(hours: hours(24...240))
            let change = ChangeOpportunityAmount(
                opportunityId: id,
                amount: Money(units: Int64(random.number(5...500)) * 1_000)
            )
            add(change.command, at: time, by: owner)
        }
        for stage in Self.openStages.dropFirst().prefix(lastStage) {
            time = time.adding(days: Double(random.number(3...25)))
            add(ChangeOpportunityStage(opportunityId: id, stage: stage).command, at: time, by: owner)
            if random.chance(0.12) {
                closeDate = closeDate.adding(days: random.number(15...60))
                add(
                    MoveOpportunityCloseDate(opportunityId: id, closeDate: closeDate).command,
                    at: time.adding(hours: 2),
                    by: owner
                )
            }
        }
        time = time.adding(days: Double(random.number(2...20)))
        if outcome < 0.45 {
            add(CloseOpportunityWon(opportunityId: id).command, at: time, by: owner)
        } else if outcome < 0.8 {
            add(
                CloseOpportunityLost(opportunityId: id, reason: random.pick(DemoNames.lossReasons)).command,
                at: time,
                by: owner
            )
        }
        if outcome < 0.8, random.chance(0.05) {
            time = time.adding(days: Double(random.number(5...30)))
            add(ReopenOpportunity(opportunityId: id, stage: "Negotiation/Review").command, at: time, by: owner)
            time = time.adding(days: Double(random.number(5...20)))
            add(CloseOpportunityWon(opportunityId: id).command, at: time, by: owner)
        }
        opportunities.append((id, openedAt, time))
    }
}
