import Foundation
import RapportCRM
import Testing

@testable import RapportProjections

/// The pipeline report's JSON contract and its tables.
struct PipelineReportFormatTests {
    static func json() throws -> [String: Any] {
        let report = try PipelineModelTests.history().pipelineReport()
        let data = try JSONEncoder().encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func jsonHasTheContractFields() throws {
        let json = try Self.json()
        #expect(json["asOf"] as? String == "2026-12-31T00:00:00.000000Z")
        #expect(json["position"] as? Int == 9)
        let open = try #require(json["open"] as? [String: Any])
        #expect(open["count"] as? Int == 2)
        #expect(open["amount"] as? Double == 3000)
        #expect(open["weightedAmount"] as? Double == 500)
        let stages = try #require(json["byStage"] as? [[String: Any]])
        #expect(stages.first?["stage"] as? String == "Prospecting")
        #expect(Set(stages.first?.keys.map { $0 } ?? []) == ["stage", "count", "amount", "weightedAmount"])
        let won = try #require(json["won"] as? [String: Any])
        #expect(won["count"] as? Int == 2 && won["amount"] as? Double == 3500)
        let lost = try #require(json["lost"] as? [String: Any])
        #expect(lost["amount"] as? Double == 800)
        let rate = try #require(json["winRate"] as? [String: Any])
        #expect(rate["byCount"] as? Double == 2.0 / 3.0)
        let months = try #require(json["byCloseMonth"] as? [[String: Any]])
        #expect(months.map { $0["period"] as? String } == ["2026-03", "2026-04"])
        let forecast = try #require(json["forecast"] as? [String: Any])
        #expect((forecast["cumulative"] as? [Any])?.count == 3)
        for key in ["byOwner", "byCloseQuarter", "closedByMonth", "closedByQuarter", "stageConversion"] {
            #expect(json[key] is [Any], "\(key)")
        }
        for key in ["averageDealSize", "salesCycle", "slippage"] { #expect(json[key] != nil, "\(key)") }
    }

    @Test func tablesHoldTheSameFigures() throws {
        let tables = try PipelineModelTests.history().pipelineReport().tables
        #expect(
            tables.map(\.title) == [
                "Pipeline", "Open by stage", "By owner", "Open by close month", "Open by close quarter", "Forecast",
                "Forecast cumulative", "Closed by month", "Closed by quarter", "Stage conversion", "Slipped by month",
            ]
        )
        for table in tables { #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(table.title)") }
        let summary = Dictionary(uniqueKeysWithValues: tables[0].rows.map { ($0[0], $0[1]) })
        #expect(summary["Open weighted amount"] == "500")
        #expect(summary["Win rate by count"] == "0.6667")
        #expect(summary["Median sales cycle (days)"] == "50.5")
        #expect(tables[1].rows[0] == ["Prospecting", "1", "1000", "100"])
        #expect(tables[2].rows[1] == ["bob", "1", "2000", "400", "0", "0", "1", "800"])
        #expect(tables[8].rows[0] == ["2026-Q1", "1", "500", "1", "800", "0.5000"])
    }

    @Test func decimalsRoundHalfAwayFromZero() {
        #expect(PipelineReport.decimal(0.66666, digits: 4) == "0.6667")
        #expect(PipelineReport.decimal(2.25, digits: 1) == "2.3")
        #expect(PipelineReport.decimal(-2.25, digits: 1) == "-2.3")
        #expect(PipelineReport.decimal(0.05, digits: 0) == "0")
        #expect(PipelineReport.decimal(12, digits: 2) == "12.00")
    }
}
