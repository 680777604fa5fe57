import RapportCRM
import Testing

@testable import RapportProjections

/// The pipeline's figures on a small history checked by hand: five deals of two owners in the standard stages,
/// two won, one lost, two open.
struct PipelineModelTests {
    /// O1 and O2 stay open; O3 and O5 are won after 30 and 71 days; O4 is lost.
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openDeal("O1", at: "2026-01-05T09:00:00Z", amount: 1000, close: "2026-03-15", stage: "Prospecting")
        try history.openDeal(
            "O2",
            at: "2026-01-10T09:00:00Z",
            amount: 2000,
            close: "2026-04-20",
            stage: "Needs Analysis",
            owner: "bob"
        )
        try history.openDeal("O3", at: "2026-01-12T09:00:00Z", amount: 500, close: "2026-02-10", stage: "Prospecting")
        try history.openDeal(
            "O4",
            at: "2026-01-15T09:00:00Z",
            amount: 800,
            close: "2026-02-28",
            stage: "Qualification",
            owner: "bob"
        )
        try history.openDeal(
            "O5",
            at: "2026-01-20T09:00:00Z",
            amount: 3000,
            close: "2026-05-31",
            stage: "Negotiation/Review"
        )
        try history.win("O3", at: "2026-02-11T09:00:00Z")
        try history.lose("O4", at: "2026-03-02T10:00:00Z")
        try history.win("O5", at: "2026-04-01T09:00:00Z")
        return history
    }

    @Test func openDealsByStageInPipelineOrder() throws {
        let report = try Self.history().pipelineReport()
        #expect(report.open == .init(count: 2, amount: Money(units: 3000), weightedAmount: Money(units: 500)))
        #expect(
            report.byStage.map(\.stage) == ["Prospecting", "Qualification", "Needs Analysis", "Negotiation/Review"]
        )
        #expect(report.byStage.map(\.count) == [1, 0, 1, 0])
        #expect(report.byStage.map(\.amount) == [Money(units: 1000), .zero, Money(units: 2000), .zero])
        #expect(report.byStage.map(\.weightedAmount) == [Money(units: 100), .zero, Money(units: 400), .zero])
    }

    @Test func dealsByOwnerSortedById() throws {
        let report = try Self.history().pipelineReport()
        #expect(report.byOwner.map(\.owner) == ["alice", "bob"])
        let alice = report.byOwner[0]
        #expect([alice.count, alice.won.count, alice.lost.count] == [1, 2, 0])
        #expect([alice.amount, alice.weightedAmount, alice.won.amount] == [1000, 100, 3500].map(Money.init(units:)))
        let bob = report.byOwner[1]
        #expect([bob.count, bob.won.count, bob.lost.count] == [1, 0, 1])
        #expect([bob.amount, bob.weightedAmount, bob.lost.amount] == [2000, 400, 800].map(Money.init(units:)))
    }

    @Test func openDealsByCloseMonthAndQuarter() throws {
        let report = try Self.history().pipelineReport()
        #expect(report.byCloseMonth.map(\.period) == ["2026-03", "2026-04"])
        #expect(report.byCloseMonth.map(\.weightedAmount) == [Money(units: 100), Money(units: 400)])
        #expect(report.byCloseQuarter.map(\.period) == ["2026-Q1", "2026-Q2"])
        #expect(report.byCloseQuarter.map(\.amount) == [Money(units: 1000), Money(units: 2000)])
    }

    @Test func wonAndLostWithRatesAndDealSize() throws {
        let report = try Self.history().pipelineReport()
        #expect(report.won == .init(count: 2, amount: Money(units: 3500)))
        #expect(report.lost == .init(count: 1, amount: Money(units: 800)))
        #expect(report.winRate.byCount == 2.0 / 3.0)
        #expect(report.winRate.byValue == 3500.0 / 4300.0)
        #expect(report.averageDealSize == Money(units: 1750))
        #expect(report.salesCycle == .init(count: 2, averageDays: 50.5, medianDays: 50.5))
    }

    @Test func wonAndLostByTheMonthAndQuarterTheyClosedIn() throws {
        let report = try Self.history().pipelineReport()
        #expect(report.closedByMonth.map(\.period) == ["2026-02", "2026-03", "2026-04"])
        #expect(report.closedByMonth.map(\.won.amount) == [Money(units: 500), .zero, Money(units: 3000)])
        #expect(report.closedByMonth.map(\.lost.count) == [0, 1, 0])
        #expect(report.closedByMonth.map(\.winRate) == [1, 0, 1])
        #expect(report.closedByQuarter.map(\.period) == ["2026-Q1", "2026-Q2"])
        #expect(report.closedByQuarter[0].won == .init(count: 1, amount: Money(units: 500)))
        #expect(report.closedByQuarter[0].lost == .init(count: 1, amount: Money(units: 800)))
        #expect(report.closedByQuarter.map(\.winRate) == [0.5, 1])
    }

    @Test func forecastCountsWonDealsAsClosedAndLeavesLostOnesOut() throws {
        let forecast = try Self.history().pipelineReport().forecast
        #expect(forecast.categories.map(\.category) == ["Pipeline", "Best Case", "Commit", "Closed", "Omitted"])
        #expect(forecast.categories.map(\.count) == [2, 0, 0, 2, 0])
        #expect(forecast.categories.map(\.amount) == [3000, 0, 0, 3500, 0].map(Money.init(units:)))
        #expect(forecast.cumulative.map(\.category) == ["Commit", "Best Case", "Open Pipeline"])
        #expect(forecast.cumulative.map(\.count) == [2, 2, 2])
        #expect(forecast.cumulative.map(\.amount) == [3500, 3500, 3000].map(Money.init(units:)))
    }

    @Test func stageConversionCountsWinsAsAdvancing() throws {
        let conversion = try Self.history().pipelineReport().stageConversion
        #expect(conversion.map(\.stage) == ["Prospecting", "Qualification", "Needs Analysis", "Negotiation/Review"])
        #expect(conversion.map(\.entered) == [2, 1, 1, 1])
        #expect(conversion.map(\.advanced) == [1, 0, 0, 1])
        #expect(conversion.map(\.rate) == [0.5, 0, 0, 1])
    }

    @Test func stageConversionFollowsMovesForwardAndBack() throws {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openDeal("A", at: "2026-01-05T09:00:00Z", amount: 100, close: "2026-03-15", stage: "Prospecting")
        try history.move("A", to: "Value Proposition", at: "2026-01-06T09:00:00Z")
        try history.move("A", to: "Qualification", at: "2026-01-07T09:00:00Z")
        try history.openDeal(
            "B",
            at: "2026-01-05T09:00:00Z",
            amount: 100,
            close: "2026-03-15",
            stage: "Value Proposition"
        )
        try history.move("B", to: "Qualification", at: "2026-01-06T09:00:00Z")
        let conversion = history.pipelineReport().stageConversion
        // A went on from Prospecting; neither went on from Value Proposition or from Qualification.
        #expect(conversion.map(\.stage) == ["Prospecting", "Qualification", "Value Proposition"])
        #expect(conversion.map(\.entered) == [1, 2, 2])
        #expect(conversion.map(\.advanced) == [1, 0, 0])
    }

    @Test func anEmptyPipelineReportsZeros() {
        let report = RecordedHistory().pipelineReport()
        #expect(report.open.count == 0 && report.byStage.isEmpty && report.byOwner.isEmpty)
        #expect(report.winRate == .init(byCount: 0, byValue: 0))
        #expect(report.salesCycle == .init(count: 0, averageDays: 0, medianDays: 0))
        #expect(report.averageDealSize == .zero)
        #expect(report.forecast.categories.allSatisfy { $0.count == 0 })
    }
}
