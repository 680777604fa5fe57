import Foundation
import RapportCRM
import RapportProjections
import RapportTime
import Testing

/// The funnel on a hand-made history, each figure worked out by hand.
///
/// - Leads: L1 (Web, from C1) converted with an opportunity of 5,000; L2 (Web) worked; L3 (no source, from C1)
///   left open; L4 (Phone) disqualified.
/// - C1, budget 1,000, actual cost 2,000: members L1, L3 and contact c1; L1 responded (twice, counted once) and c1
///   responded. Opportunities with its id: L1's (5,000, open), O2 (3,000, won), O3 (2,000, won then reopened).
/// - C2, no cost: no members; O4 (7,000) with its id, lost.
struct FunnelModelTests {
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.run(
            command(
                "LaunchCampaign",
                #""campaignId":"C1","name":"Spring Webinar","type":"Webinar","budgetedCost":1000"#
            )
        )
        try history.run(command("LaunchCampaign", #""campaignId":"C2","name":"Trade Show""#))
        try history.run(command("OpenAccount", #""accountId":"acme","name":"Acme","ownerId":"u1""#))
        try history.run(command("AddContact", #""contactId":"c1","accountId":"acme","lastName":"Lovelace""#))
        try history.run(captureLead("L1", source: #""Web""#, campaign: "C1"))
        try history.run(captureLead("L2", source: #""Web""#))
        try history.run(captureLead("L3", source: nil, campaign: "C1"))
        try history.run(captureLead("L4", source: #""Phone""#))
        try history.run(command("AddCampaignMember", #""campaignId":"C1","leadId":"L1""#))
        try history.run(command("AddCampaignMember", #""campaignId":"C1","leadId":"L3""#))
        try history.run(command("AddCampaignMember", #""campaignId":"C1","contactId":"c1""#))
        try history.run(command("RecordCampaignResponse", #""campaignId":"C1","leadId":"L1""#))
        try history.run(command("RecordCampaignResponse", #""campaignId":"C1","leadId":"L1""#))
        try history.run(command("RecordCampaignResponse", #""campaignId":"C1","contactId":"c1""#))
        try history.run(command("ChangeLeadStatus", #""leadId":"L2","status":"Working - Contacted""#))
        try history.run(
            command(
                "ConvertLead",
                #""leadId":"L1","accountId":"acme","contactId":"cL1","#
                    + #""opportunity":{"opportunityId":"OL1","name":"Deal","amount":5000,"closeDate":"2026-06-30"}"#
            )
        )
        try history.run(command("DisqualifyLead", #""leadId":"L4","reason":"No budget""#))
        try history.run(openOpportunity("O2", amount: 3000, campaign: "C1"))
        try history.run(command("CloseOpportunityWon", #""opportunityId":"O2""#))
        try history.run(openOpportunity("O3", amount: 2000, campaign: "C1"))
        try history.run(command("CloseOpportunityWon", #""opportunityId":"O3""#))
        try history.run(command("ReopenOpportunity", #""opportunityId":"O3","stage":"Negotiation/Review""#))
        try history.run(openOpportunity("O4", amount: 7000, campaign: "C2"))
        try history.run(command("CloseOpportunityLost", #""opportunityId":"O4","reason":"Price""#))
        try history.run(command("RecordCampaignCost", #""campaignId":"C1","actualCost":2000"#))
        return history
    }

    static func report() throws -> FunnelReport {
        let history = try history()
        let asOf = Timestamp(rfc3339: "2026-04-01T00:00:00Z")!
        return history.fold(into: FunnelModel.self)
            .report(in: ReportContext(asOf: asOf, position: UInt64(history.events.count)))
    }

    @Test func countsLeadsAndConversionsOverallAndBySource() throws {
        let leads = try Self.report().leads
        #expect(leads.count == 4)
        #expect(leads.converted == 1)
        #expect(leads.disqualified == 1)
        #expect(leads.conversionRate == 0.25)
        #expect(leads.bySource.map(\.source) == ["Phone", "Web", nil])
        #expect(leads.bySource.map(\.count) == [1, 2, 1])
        #expect(leads.bySource.map(\.converted) == [0, 1, 0])
        #expect(leads.bySource.map(\.conversionRate) == [0, 0.5, 0])
    }

    @Test func countsLeadsByTheStatusRecordedLast() throws {
        let byStatus = try Self.report().leads.byStatus
        #expect(byStatus.map(\.status) == ["Closed - Converted", "Open - Not Contacted", "Working - Contacted"])
        #expect(byStatus.map(\.count) == [1, 2, 1])
    }

    @Test func sumsEachCampaignsMembersResponsesOpportunitiesAndReturn() throws {
        let campaigns = try Self.report().campaigns
        #expect(campaigns.map(\.campaignId) == ["C1", "C2"])
        let spring = campaigns[0]
        #expect(spring.name == "Spring Webinar")
        #expect(spring.type == "Webinar")
        #expect(spring.members == 3)
        #expect(spring.leadMembers == 2)
        #expect(spring.contactMembers == 1)
        #expect(spring.responses == 2)
        #expect(spring.responseRate == 2.0 / 3.0)
        #expect(spring.leadsCaptured == 2)
        #expect(spring.leadsConverted == 1)
        #expect(spring.influencedOpportunities == 3)
        #expect(spring.influencedAmount == Money(units: 10_000))
        #expect(spring.wonOpportunities == 1)
        #expect(spring.wonAmount == Money(units: 3_000))
        #expect(spring.budgetedCost == Money(units: 1_000))
        #expect(spring.actualCost == Money(units: 2_000))
        #expect(spring.roi == 0.5)
        let show = campaigns[1]
        #expect(show.members == 0)
        #expect(show.responses == 0)
        #expect(show.influencedOpportunities == 1)
        #expect(show.wonOpportunities == 0)
        #expect(show.responseRate == nil)
        #expect(show.influencedAmount == Money(units: 7_000))
        #expect(show.wonAmount == .zero)
        #expect(show.actualCost == nil)
        #expect(show.roi == nil)
    }

    @Test func aZeroCostHasNoReturn() throws {
        var history = try Self.history()
        try history.run(command("RecordCampaignCost", #""campaignId":"C1","actualCost":0"#))
        let report = history.fold(into: FunnelModel.self).report(in: ReportContext(asOf: history.now, position: 0))
        #expect(report.campaigns[0].actualCost == .zero)
        #expect(report.campaigns[0].roi == nil)
    }

    @Test func writesTheJSONContractWithNullsAndTables() throws {
        let report = try Self.report()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        #expect(json.contains(#""leads":{"bySource":[{"conversionRate":0,"converted":0,"count":1,"source":"Phone"}"#))
        #expect(json.contains(#"{"conversionRate":0,"converted":0,"count":1,"source":null}"#))
        #expect(json.contains(#""roi":null"#))
        #expect(json.contains(#""roi":0.5"#))
        #expect(json.contains(#""wonAmount":3000"#))
        for table in report.tables { #expect(table.rows.allSatisfy { $0.count == table.columns.count }) }
        let campaigns = report.tables.first { $0.title == "Campaigns" }
        #expect(campaigns?.rows.first?.first == "C1")
        #expect(campaigns?.rows.first?.last == "50.0%")
    }
}

private func command(_ type: String, _ data: String) -> String {
    #"{"type":"\#(type)","actor":"u1","data":{\#(data)}}"#
}

private func captureLead(_ id: String, source: String?, campaign: String? = nil) -> String {
    let sourceField = source.map { #","source":\#($0)"# } ?? ""
    let campaignField = campaign.map { #","campaignId":"\#($0)""# } ?? ""
    return command(
        "CaptureLead",
        #""leadId":"\#(id)","company":"Co \#(id)","lastName":"Lead \#(id)""# + sourceField + campaignField
    )
}

private func openOpportunity(_ id: String, amount: Int, campaign: String) -> String {
    command(
        "OpenOpportunity",
        #""opportunityId":"\#(id)","accountId":"acme","name":"Deal \#(id)","amount":\#(amount),"#
            + #""closeDate":"2026-06-30","ownerId":"u1","campaignId":"\#(campaign)""#
    )
}
