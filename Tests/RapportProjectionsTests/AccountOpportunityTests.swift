import RapportCRM
import RapportProjections
import Testing

struct AccountOpportunityTests {
    /// Four deals: one moved to a later stage, one won, one lost then reopened, one priced by line items then lost.
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        for (id, amount, close) in [
            ("O1", 48_000, "2025-06-30"), ("O2", 10_000, "2025-05-31"), ("O3", 20_000, "2025-04-30"),
            ("O4", 5_000, "2025-07-31"),
        ] {
            try history.accountCommand(
                "OpenOpportunity",
                at: "2025-02-02T09:00:00Z",
                #""opportunityId":"\#(id)","accountId":"acme","name":"Deal \#(id)","amount":\#(amount),"#
                    + #""closeDate":"\#(close)","ownerId":"user-3""#
            )
        }
        try history.accountCommand(
            "ChangeOpportunityStage",
            at: "2025-02-10T09:00:00Z",
            #""opportunityId":"O1","stage":"Proposal/Price Quote""#
        )
        try history.accountCommand("CloseOpportunityWon", at: "2025-04-10T15:00:00Z", #""opportunityId":"O2""#)
        try history.accountCommand(
            "CloseOpportunityLost",
            at: "2025-03-01T12:00:00Z",
            #""opportunityId":"O3","reason":"No budget""#
        )
        try history.accountCommand(
            "ReopenOpportunity",
            at: "2025-03-20T12:00:00Z",
            #""opportunityId":"O3","stage":"Negotiation/Review""#
        )
        try history.accountCommand(
            "AddLineItem",
            at: "2025-03-02T09:00:00Z",
            #""opportunityId":"O4","lineItemId":"training","productId":"onsite-day","quantity":3,"unitPrice":1800"#
        )
        try history.accountCommand(
            "CloseOpportunityLost",
            at: "2025-05-20T09:00:00Z",
            #""opportunityId":"O4","reason":"Went with a rival""#
        )
        return history
    }

    @Test func openAndClosedDealsAreListedWithWhatTheirEventsRecorded() throws {
        let report = try #require(try Self.history().accountReport("acme"))

        #expect(report.openOpportunities.map(\.id.text) == ["O3", "O1"])
        let reopened = report.openOpportunities[0]
        #expect(reopened.stage == "Negotiation/Review")
        #expect(reopened.probability == 90)
        #expect(reopened.amount == AccountFixtures.money(20_000))
        #expect(reopened.closeDate == AccountFixtures.day("2025-03-01"))
        #expect(reopened.status == .open)
        #expect(reopened.lossReason == nil)
        let moved = report.openOpportunities[1]
        #expect(moved.stage == "Proposal/Price Quote")
        #expect(moved.probability == 75)
        #expect(moved.forecastCategory == .pipeline)
        #expect(moved.ownerId == "user-3")
        #expect(moved.name == "Deal O1")

        #expect(report.closedOpportunities.map(\.id.text) == ["O4", "O2"])
        let lost = report.closedOpportunities[0]
        #expect(lost.status == .lost)
        #expect(lost.amount == AccountFixtures.money(5_400))
        #expect(lost.lossReason == "Went with a rival")
        #expect(lost.closeDate == AccountFixtures.day("2025-05-20"))
        let won = report.closedOpportunities[1]
        #expect(won.status == .won)
        #expect(won.stage == "Closed Won")
        #expect(won.amount == AccountFixtures.money(10_000))
        #expect(won.closeDate == AccountFixtures.day("2025-04-10"))
    }

    @Test func totalsCountWonOpenAndWeightedAmounts() throws {
        let totals = try #require(try Self.history().accountReport("acme")).totals
        #expect(totals.lifetimeWon == AccountFixtures.money(10_000))
        // O1 48,000 and the reopened O3 20,000.
        #expect(totals.openPipeline == AccountFixtures.money(68_000))
        // 48,000 x 75% + 20,000 x 90%.
        #expect(totals.weightedPipeline == AccountFixtures.money(54_000))
    }

    @Test func weightedAmountsAreTruncatedPerOpportunity() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        for id in ["W1", "W2"] {
            try history.accountCommand(
                "OpenOpportunity",
                at: "2025-02-02T09:00:00Z",
                #""opportunityId":"\#(id)","accountId":"acme","name":"Small","amount":0.0015,"#
                    + #""closeDate":"2025-06-30","ownerId":"user-3""#
            )
        }
        // 15 ten-thousandths at 10% is 1.5, truncated to 1, twice.
        #expect(history.accountReport("acme")?.totals.weightedPipeline == Money(tenThousandths: 2))
    }
}
