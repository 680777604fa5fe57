import RapportCRM
import Testing

@testable import RapportProjections

/// The forecast and weighted amounts when the stage configuration changes between commands: each deal keeps the
/// probability and category its last stage event recorded.
struct PipelineForecastTests {
    static func stages(propose: (Int, ForecastCategory), commit: Int) -> CRMConfiguration {
        CRMConfiguration(
            salesStages: [
                SalesStage(name: "Discover", probability: 20, forecastCategory: .pipeline),
                SalesStage(name: "Propose", probability: propose.0, forecastCategory: propose.1),
                SalesStage(name: "Commit", probability: commit, forecastCategory: .commit),
                SalesStage(name: "Parked", probability: 5, forecastCategory: .omitted),
                SalesStage(name: "Won", probability: 100, forecastCategory: .closed, closed: true, won: true),
                SalesStage(name: "Lost", probability: 0, forecastCategory: .omitted, closed: true),
            ],
            leadStatuses: CRMConfiguration.standard.leadStatuses,
            caseTargets: CRMConfiguration.standard.caseTargets
        )
    }

    /// Under the first configuration D1 opens in Discover, D2 in Propose (60%, Best Case), D3 in Commit (80%)
    /// and is won, D5 in Parked; then Propose becomes 40% Pipeline and Commit 90%: D4 opens in Propose and D1
    /// moves to Commit.
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        history.configuration = stages(propose: (60, .bestCase), commit: 80)
        try history.openAccount("acme")
        try history.openDeal("D1", at: "2026-01-05T09:00:00Z", amount: 1000, close: "2026-03-10", stage: "Discover")
        try history.openDeal("D2", at: "2026-01-06T09:00:00Z", amount: 2000, close: "2026-03-20", stage: "Propose")
        try history.openDeal("D3", at: "2026-01-07T09:00:00Z", amount: 4000, close: "2026-02-20", stage: "Commit")
        try history.win("D3", at: "2026-02-01T09:00:00Z")
        try history.openDeal("D5", at: "2026-01-08T09:00:00Z", amount: 300, close: "2026-06-30", stage: "Parked")
        history.configuration = stages(propose: (40, .pipeline), commit: 90)
        try history.openDeal("D4", at: "2026-02-02T09:00:00Z", amount: 500, close: "2026-04-10", stage: "Propose")
        try history.move("D1", to: "Commit", at: "2026-02-03T09:00:00Z")
        return history
    }

    @Test func weightedAmountsUseTheProbabilityEachDealRecorded() throws {
        let report = try Self.history().pipelineReport()
        // 1000 × 90% + 2000 × 60% + 500 × 40% + 300 × 5%
        #expect(report.open == .init(count: 4, amount: Money(units: 3800), weightedAmount: Money(units: 2315)))
        #expect(report.byStage.map(\.stage) == ["Parked", "Discover", "Propose", "Commit"])
        #expect(report.byStage.map(\.count) == [1, 0, 2, 1])
        #expect(report.byStage.map(\.weightedAmount) == [15, 0, 1400, 900].map(Money.init(units:)))
    }

    @Test func forecastByRecordedCategory() throws {
        let forecast = try Self.history().pipelineReport().forecast
        #expect(forecast.categories.map(\.count) == [1, 1, 1, 1, 1])
        #expect(forecast.categories.map(\.amount) == [500, 2000, 1000, 4000, 300].map(Money.init(units:)))
    }

    @Test func cumulativeForecastLeavesOmittedOut() throws {
        let forecast = try Self.history().pipelineReport().forecast
        #expect(forecast.cumulative.map(\.count) == [2, 3, 3])
        #expect(forecast.cumulative.map(\.amount) == [5000, 7000, 3500].map(Money.init(units:)))
    }

    @Test func stagesRankByTheProbabilityFirstRecorded() throws {
        let conversion = try Self.history().pipelineReport().stageConversion
        // Propose ranks at its first 60%, before Commit, though D4 recorded 40% there.
        #expect(conversion.map(\.stage) == ["Parked", "Discover", "Propose", "Commit"])
        #expect(conversion.map(\.entered) == [1, 1, 2, 2])
        #expect(conversion.map(\.advanced) == [0, 1, 0, 1])
    }

    @Test func aReportBeforeTheChangeIsNotRewrittenByIt() throws {
        var history = RecordedHistory()
        history.configuration = Self.stages(propose: (60, .bestCase), commit: 80)
        try history.openAccount("acme")
        try history.openDeal("D2", at: "2026-01-06T09:00:00Z", amount: 2000, close: "2026-03-20", stage: "Propose")
        let before = history.pipelineReport()
        history.configuration = Self.stages(propose: (40, .pipeline), commit: 90)
        try history.openAccount("other")
        let after = history.pipelineReport()
        #expect(before.open == after.open)
        #expect(after.open.weightedAmount == Money(units: 1200))
        #expect(after.forecast.categories[1].count == 1)
    }
}
