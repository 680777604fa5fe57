import RapportCRM

extension FunnelModel {
    /// The funnel at a moment.
    ///
    /// - Parameter context: The moment the report speaks of and the position reached.
    /// - Returns: The report.
    public func report(in context: ReportContext) -> FunnelReport {
        var results = campaigns.map { CampaignTally(record: $0) }
        var bySource: [Int32: (count: Int, converted: Int)] = [:]
        var byStatus: [Int32: Int] = [:]
        var converted = 0
        var disqualified = 0
        for lead in leads.values {
            bySource[lead.source, default: (0, 0)].count += 1
            byStatus[lead.status, default: 0] += 1
            if lead.converted {
                converted += 1
                bySource[lead.source, default: (0, 0)].converted += 1
            }
            if lead.disqualified { disqualified += 1 }
            if results.indices.contains(Int(lead.campaign)) {
                results[Int(lead.campaign)].leadsCaptured += 1
                if lead.converted { results[Int(lead.campaign)].leadsConverted += 1 }
            }
        }
        for opportunity in opportunities.values where results.indices.contains(Int(opportunity.campaign)) {
            results[Int(opportunity.campaign)].count(opportunity)
        }
        let sources = bySource.keys.sorted(by: texts.nameOrder).map { source in
            let tally = bySource[source] ?? (0, 0)
            return FunnelReport.Source(
                source: texts.text(source),
                count: tally.count,
                converted: tally.converted,
                conversionRate: Self.rate(tally.converted, of: tally.count)
            )
        }
        let statuses = byStatus.keys.sorted(by: texts.nameOrder).map { status in
            FunnelReport.Status(status: texts.text(status) ?? "", count: byStatus[status] ?? 0)
        }
        return FunnelReport(
            asOf: context.asOf,
            position: context.position,
            leads: FunnelReport.Leads(
                count: leads.count,
                converted: converted,
                disqualified: disqualified,
                conversionRate: Self.rate(converted, of: leads.count),
                bySource: sources,
                byStatus: statuses
            ),
            campaigns: results.map { $0.report(texts: texts) }
        )
    }

    /// A count over another, nil when the other is zero.
    static func rate(_ part: Int, of whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }
}

/// One campaign's figures while a funnel report is computed.
private struct CampaignTally {
    var record: CampaignRecord
    var leadsCaptured = 0
    var leadsConverted = 0
    var influenced = 0
    var influencedAmount = Money.zero
    var won = 0
    var wonAmount = Money.zero

    mutating func count(_ opportunity: InfluencedOpportunity) {
        influenced += 1
        influencedAmount = Self.sum(influencedAmount, opportunity.amount)
        if opportunity.won {
            won += 1
            wonAmount = Self.sum(wonAmount, opportunity.amount)
        }
    }

    /// Two amounts added, held at the largest or smallest amount that fits rather than trapping.
    static func sum(_ left: Money, _ right: Money) -> Money {
        let (total, overflow) = left.tenThousandths.addingReportingOverflow(right.tenThousandths)
        guard overflow else { return Money(tenThousandths: total) }
        return Money(tenThousandths: right.tenThousandths > 0 ? .max : .min)
    }

    func report(texts: TextPool) -> FunnelReport.Campaign {
        let members = record.leadMembers + record.contactMembers
        var roi: Double?
        if let cost = record.actualCost, cost.tenThousandths > 0 {
            roi = (Double(wonAmount.tenThousandths) - Double(cost.tenThousandths)) / Double(cost.tenThousandths)
        }
        return FunnelReport.Campaign(
            campaignId: record.id.text,
            name: record.name,
            type: texts.text(record.type),
            completed: record.completed,
            members: members,
            leadMembers: record.leadMembers,
            contactMembers: record.contactMembers,
            responses: record.responses,
            responseRate: FunnelModel.rate(record.responses, of: members),
            leadsCaptured: leadsCaptured,
            leadsConverted: leadsConverted,
            influencedOpportunities: influenced,
            influencedAmount: influencedAmount,
            wonOpportunities: won,
            wonAmount: wonAmount,
            budgetedCost: record.budgetedCost,
            actualCost: record.actualCost,
            roi: roi
        )
    }
}
