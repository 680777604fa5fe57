import RapportCRM
import Testing

@testable import RapportProjections

/// Slippage: deals whose expected close date moved to a later month, counted once per month moved out of, with
/// their current amount.
struct PipelineSlippageTests {
    /// S1 moves within March, then out of March to April, out of April to May, back to April (no slip), and out
    /// of April again; S2 moves out of March and then grows to 700; S3 moves earlier (no slip).
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openDeal("S1", at: "2026-01-05T09:00:00Z", amount: 1000, close: "2026-03-15", stage: "Prospecting")
        try history.openDeal("S2", at: "2026-01-05T09:00:00Z", amount: 500, close: "2026-03-10", stage: "Prospecting")
        try history.openDeal("S3", at: "2026-01-05T09:00:00Z", amount: 200, close: "2026-03-10", stage: "Prospecting")
        for (index, date) in ["2026-03-28", "2026-04-10", "2026-05-05", "2026-04-20", "2026-06-01"].enumerated() {
            try history.slip("S1", to: date, at: "2026-01-\(10 + index)T09:00:00Z")
        }
        try history.slip("S2", to: "2026-04-01", at: "2026-01-20T09:00:00Z")
        try history.pipeline(
            "ChangeOpportunityAmount",
            at: "2026-01-21T09:00:00Z",
            #""opportunityId": "S2", "amount": 700"#
        )
        try history.slip("S3", to: "2026-02-01", at: "2026-01-20T09:00:00Z")
        return history
    }

    @Test func slippedDealsByTheMonthTheyLeft() throws {
        let slippage = try Self.history().pipelineReport().slippage
        #expect(slippage.count == 2 && slippage.amount == Money(units: 1700))
        #expect(slippage.byMonth.map(\.period) == ["2026-03", "2026-04"])
        #expect(slippage.byMonth.map(\.count) == [2, 1])
        #expect(slippage.byMonth.map(\.amount) == [Money(units: 1700), Money(units: 1000)])
    }

    @Test func openDealsCountInTheMonthTheirCloseDateMovedTo() throws {
        let report = try Self.history().pipelineReport()
        #expect(report.byCloseMonth.map(\.period) == ["2026-02", "2026-04", "2026-06"])
        #expect(report.byCloseMonth.map(\.amount) == [200, 700, 1000].map(Money.init(units:)))
        #expect(report.byCloseQuarter.map(\.period) == ["2026-Q1", "2026-Q2"])
        #expect(report.byCloseQuarter.map(\.count) == [1, 2])
    }

    @Test func aSlippedDealStaysSlippedOnceClosed() throws {
        var history = try Self.history()
        try history.lose("S2", at: "2026-02-01T09:00:00Z")
        let slippage = history.pipelineReport().slippage
        #expect(slippage.count == 2 && slippage.amount == Money(units: 1700))
    }

    @Test func closingAfterTheExpectedMonthIsNoSlip() throws {
        var history = RecordedHistory()
        try history.openAccount("acme")
        try history.openDeal("W", at: "2026-01-05T09:00:00Z", amount: 100, close: "2026-01-31", stage: "Prospecting")
        try history.win("W", at: "2026-03-02T09:00:00Z")
        let report = history.pipelineReport()
        #expect(report.slippage.count == 0 && report.slippage.byMonth.isEmpty)
        #expect(report.closedByMonth.map(\.period) == ["2026-03"])
    }
}
