import RapportCRM

extension FunnelReport {
    /// The funnel as tables: leads, leads by source and by status, and campaigns.
    public var tables: [ReportTable] {
        [
            ReportTable(
                title: "Leads",
                columns: ["Leads", "Converted", "Disqualified", "Conversion"],
                rows: [
                    [
                        String(leads.count), String(leads.converted), String(leads.disqualified),
                        BacklogReport.percent(leads.conversionRate),
                    ]
                ]
            ),
            ReportTable(
                title: "Leads by source",
                columns: ["Source", "Leads", "Converted", "Conversion"],
                rows: leads.bySource.map { source in
                    [
                        source.source ?? "(none)", String(source.count), String(source.converted),
                        BacklogReport.percent(source.conversionRate),
                    ]
                }
            ),
            ReportTable(
                title: "Leads by status",
                columns: ["Status", "Leads"],
                rows: leads.byStatus.map { [$0.status, String($0.count)] }
            ),
            ReportTable(
                title: "Campaigns",
                columns: [
                    "Campaign", "Name", "Members", "Responses", "Response rate", "Influenced", "Influenced amount",
                    "Won", "Won amount", "Budgeted cost", "Actual cost", "ROI",
                ],
                rows: campaigns.map { campaign in
                    [
                        campaign.campaignId, campaign.name, String(campaign.members), String(campaign.responses),
                        BacklogReport.percent(campaign.responseRate), String(campaign.influencedOpportunities),
                        campaign.influencedAmount.description, String(campaign.wonOpportunities),
                        campaign.wonAmount.description, campaign.budgetedCost?.description ?? "",
                        campaign.actualCost?.description ?? "", BacklogReport.percent(campaign.roi),
                    ]
                }
            ),
        ]
    }
}
