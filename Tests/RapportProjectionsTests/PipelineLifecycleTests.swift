import RapportCRM
import Testing

@testable import RapportProjections

/// Reopened deals, deals moved by an account merge, and amounts set by line items: each deal counts once, where
/// its latest events put it.
struct PipelineLifecycleTests {
    @Test func aReopenedDealIsOpenAgainAndNoLongerWon() throws {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openDeal("R", at: "2026-01-10T09:00:00Z", amount: 1000, close: "2026-03-31", stage: "Prospecting")
        try history.win("R", at: "2026-03-20T09:00:00Z")
        let won = history.pipelineReport()
        #expect(won.won == .init(count: 1, amount: Money(units: 1000)) && won.open.count == 0)
        #expect(won.closedByMonth.map(\.period) == ["2026-03"])

        try history.pipeline(
            "ReopenOpportunity",
            at: "2026-04-02T09:00:00Z",
            #""opportunityId": "R", "stage": "Negotiation/Review""#
        )
        let reopened = history.pipelineReport()
        #expect(reopened.won.count == 0 && reopened.closedByMonth.isEmpty)
        #expect(reopened.open == .init(count: 1, amount: Money(units: 1000), weightedAmount: Money(units: 900)))
        // Its close date is the day it closed until it is moved.
        #expect(reopened.byCloseMonth.map(\.period) == ["2026-03"])
        #expect(reopened.forecast.categories.map(\.count) == [1, 0, 0, 0, 0])
        #expect(reopened.salesCycle.count == 0)

        try history.pipeline(
            "ChangeOpportunityAmount",
            at: "2026-04-03T09:00:00Z",
            #""opportunityId": "R", "amount": 1500"#
        )
        try history.win("R", at: "2026-04-10T09:00:00Z")
        let wonAgain = history.pipelineReport()
        #expect(wonAgain.won == .init(count: 1, amount: Money(units: 1500)) && wonAgain.open.count == 0)
        #expect(wonAgain.closedByMonth.map(\.period) == ["2026-04"])
        #expect(wonAgain.closedByMonth[0].won == .init(count: 1, amount: Money(units: 1500)))
        #expect(wonAgain.forecast.categories[3] == .init(category: "Closed", count: 1, amount: Money(units: 1500)))
        // Opened on 10 January at 09:00, won on 10 April at 09:00: 90 days.
        #expect(wonAgain.salesCycle == .init(count: 1, averageDays: 90, medianDays: 90))
        #expect(wonAgain.byOwner.map(\.won.count) == [1])
    }

    @Test func aLostDealReopenedAndWonCountsOnlyAsWon() throws {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openDeal("L", at: "2026-01-10T09:00:00Z", amount: 700, close: "2026-03-31", stage: "Prospecting")
        try history.lose("L", at: "2026-02-20T09:00:00Z")
        try history.pipeline(
            "ReopenOpportunity",
            at: "2026-02-25T09:00:00Z",
            #""opportunityId": "L", "stage": "Prospecting""#
        )
        try history.win("L", at: "2026-03-05T09:00:00Z")
        let report = history.pipelineReport()
        #expect(report.lost.count == 0 && report.won.count == 1)
        #expect(report.winRate == .init(byCount: 1, byValue: 1))
        #expect(report.closedByMonth.map(\.period) == ["2026-03"])
        #expect(report.byOwner.map(\.lost.count) == [0])
    }

    @Test func dealsTransferredByAMergeCountOnce() throws {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openAccount("acme-dup")
        try history.openDeal(
            "M1",
            account: "acme-dup",
            at: "2026-01-05T09:00:00Z",
            amount: 600,
            close: "2026-03-15",
            stage: "Prospecting"
        )
        try history.openDeal(
            "M2",
            account: "acme-dup",
            at: "2026-01-06T09:00:00Z",
            amount: 400,
            close: "2026-03-20",
            stage: "Prospecting"
        )
        try history.win("M2", at: "2026-02-01T09:00:00Z")
        try history.openDeal("M3", at: "2026-01-07T09:00:00Z", amount: 900, close: "2026-04-20", stage: "Qualification")
        let before = history.pipelineReport()

        let merge = try history.pipeline(
            "MergeAccounts",
            at: "2026-02-10T09:00:00Z",
            #""accountId": "acme", "mergedAccountId": "acme-dup""#
        )
        let transfers = merge.filter {
            if case .opportunity(.transferred) = $0.event { true } else { false }
        }
        #expect(transfers.count == 2)
        try history.move("M1", to: "Needs Analysis", at: "2026-02-11T09:00:00Z")
        let after = history.pipelineReport()
        #expect(before.open == .init(count: 2, amount: Money(units: 1500), weightedAmount: Money(units: 150)))
        #expect(after.open == .init(count: 2, amount: Money(units: 1500), weightedAmount: Money(units: 210)))
        #expect(after.won == before.won && after.won.count == 1)
        #expect(after.byStage.map(\.count) == [0, 1, 1])
    }

    @Test func lineItemsSetTheAmountOfEveryFigure() throws {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openDeal(
            "I",
            at: "2026-01-05T09:00:00Z",
            amount: 0,
            close: "2026-03-15",
            stage: "Value Proposition"
        )
        try history.pipeline(
            "AddLineItem",
            at: "2026-01-06T09:00:00Z",
            #""opportunityId": "I", "lineItemId": "a", "productId": "p1", "quantity": 3, "unitPrice": 100"#
        )
        try history.pipeline(
            "AddLineItem",
            at: "2026-01-07T09:00:00Z",
            #""opportunityId": "I", "lineItemId": "b", "productId": "p2", "quantity": 2, "unitPrice": 50.5"#
        )
        let added = history.pipelineReport()
        #expect(added.open == .init(count: 1, amount: Money(units: 401), weightedAmount: Money(200.5)!))
        #expect(added.byCloseMonth[0].amount == Money(units: 401))
        #expect(added.byOwner[0].weightedAmount == Money(200.5)!)

        try history.pipeline("RemoveLineItem", at: "2026-01-08T09:00:00Z", #""opportunityId": "I", "lineItemId": "a""#)
        try history.win("I", at: "2026-01-09T09:00:00Z")
        let won = history.pipelineReport()
        #expect(won.won == .init(count: 1, amount: Money(units: 101)))
        #expect(won.open.count == 0 && won.open.amount == .zero && won.byCloseMonth.isEmpty)
        #expect(won.averageDealSize == Money(units: 101))
    }

    @Test func weightedAmountsRoundHalfAwayFromZero() throws {
        var history = RecordedHistory()
        try history.openAccount("acme")
        // 0.0005 at 10% is 0.00005: half a ten-thousandth, rounded up to 0.0001.
        try history.openDeal("H", at: "2026-01-05T09:00:00Z", amount: 0, close: "2026-03-15", stage: "Prospecting")
        try history.pipeline(
            "ChangeOpportunityAmount",
            at: "2026-01-06T09:00:00Z",
            #""opportunityId": "H", "amount": 0.0005"#
        )
        #expect(history.pipelineReport().open.weightedAmount == Money(tenThousandths: 1))
    }
}
