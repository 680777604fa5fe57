import Foundation
import RapportCRM
import RapportProjections
import Testing

struct AccountReportFormatTests {
    static func json(_ report: AccountReport) throws -> [String: Any] {
        let data = try JSONEncoder().encode(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func jsonHasTheContractsShapeWithNullsNumbersAndTimes() throws {
        let history = try AccountOpportunityTests.history()
        let report = try #require(history.accountReport("acme", asOf: "2025-06-01T00:00:00Z"))
        let json = try Self.json(report)
        #expect(
            Set(json.keys) == [
                "asOf", "position", "account", "parent", "children", "contacts", "opportunities", "cases", "activities",
                "lead", "convertedLeads", "campaigns", "mergedAccounts", "totals",
            ]
        )
        #expect(json["asOf"] as? String == "2025-06-01T00:00:00.000000Z")
        #expect(json["parent"] is NSNull)
        #expect(json["lead"] is NSNull)
        let account = try #require(json["account"] as? [String: Any])
        #expect(account["id"] as? String == "acme")
        #expect(account["status"] as? String == "Active")
        #expect(account["industry"] is NSNull)
        #expect(account["openedAt"] as? String == "2025-02-01T09:00:00.000000Z")
        let opportunities = try #require(json["opportunities"] as? [String: Any])
        let open = try #require(opportunities["open"] as? [[String: Any]])
        #expect(open.map { $0["id"] as? String } == ["O3", "O1"])
        #expect(open.first?["amount"] as? Double == 20_000)
        #expect(open.first?["closeDate"] as? String == "2025-03-01")
        #expect(open.first?["won"] as? Bool == false)
        let closed = try #require(opportunities["closed"] as? [[String: Any]])
        #expect(closed.map { $0["status"] as? String } == ["Lost", "Won"])
        let cases = try #require(json["cases"] as? [String: Any])
        #expect((cases["open"] as? [Any])?.isEmpty == true)
        #expect((cases["closed"] as? [Any])?.isEmpty == true)
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["lifetimeWon"] as? Double == 10_000)
        #expect(totals["openPipeline"] as? Double == 68_000)
        #expect(totals["weightedPipeline"] as? Double == 54_000)
        #expect(totals["openCases"] as? Int == 0)
        #expect(totals["breachedSlas"] as? Int == 0)
        #expect(totals["lastActivityAt"] is NSNull)
    }

    @Test func casesActivitiesAndTouchesHaveTheirFieldsInJSON() throws {
        let report = try #require(try AccountCaseTests.history().accountReport("acme", asOf: "2025-02-11T10:00:00Z"))
        let cases = try #require(try Self.json(report)["cases"] as? [String: Any])
        let open = try #require(cases["open"] as? [[String: Any]])
        #expect(open.first?["id"] as? String == "K6")
        #expect(open.first?["priority"] as? String == "Critical")
        #expect(open.first?["breached"] as? Bool == true)
        #expect(open.first?["firstRespondedAt"] as? String == "2025-02-03T11:30:00.000000Z")
        #expect(open.first?["resolvedAt"] is NSNull)

        let timeline = try #require(try AccountActivityTests.history().accountReport("acme"))
        let activities = try #require(try Self.json(timeline)["activities"] as? [[String: Any]])
        #expect(activities.first?["kind"] as? String == "Task")
        #expect(activities.first?["dueDate"] as? String == "2025-03-10")

        let initech = try #require(try AccountContactTests.history().accountReport("initech"))
        let touches = try #require(try Self.json(initech)["campaigns"] as? [[String: Any]])
        #expect(touches.map { $0["responded"] as? Bool } == [false, true])
    }

    @Test func tablesShowTheProfileAsFieldsAndEveryListAsRows() throws {
        let report = try #require(try AccountMergeTests.history().accountReport("acme", asOf: "2025-03-02T00:00:00Z"))
        let tables = report.tables
        #expect(
            tables.map(\.title) == [
                "Account", "Hierarchy", "Contacts", "Opportunities", "Cases", "Activities", "Converted leads",
                "Campaigns", "Merged accounts", "Totals",
            ]
        )
        for table in tables {
            #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "\(table.title)")
        }
        #expect(tables[0].rows.prefix(2) == [["id", "acme"], ["name", "Acme"]])
        #expect(tables[1].rows == [["child", "labs", "Acme Labs", "Active"]])
        #expect(tables[3].rows.map { $0[0] } == ["Open", "Won"])
        #expect(tables[3].rows[0][4] == "10000")
        #expect(tables[8].rows == [["acme-dup", "ACME Corp.", "2025-03-01T09:00:00.000000Z"]])
        #expect(tables[9].rows.first == ["lifetime won", "5000"])
    }
}
