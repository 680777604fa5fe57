import Foundation
import HTTPTypes
import HummingbirdTesting
import Rapport
import RapportCRM
import RapportLog
import RapportProjections
import RapportServer
import Testing

struct ReadModelRouteTests {
    @Test func thePipelineIsTheSameReportTheEngineGives() async throws {
        try await ServerHarness.run { server in
            try await EventRouteTests.writeHistory(server)
            let response = try await server.send(.get, "/pipeline", as: .analyst)
            #expect(response.status == .ok)
            let expected = try server.engine.withReadModels(in: .live) { models, context in
                try ReportFormat.json.render(models.pipeline.report(in: context))
            }
            var served = try #require(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            )
            var direct = try #require(try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [String: Any])
            // Both are measured at the moment they were asked for; everything else must be equal.
            #expect(served.removeValue(forKey: "asOf") != nil)
            #expect(direct.removeValue(forKey: "asOf") != nil)
            #expect(NSDictionary(dictionary: served) == NSDictionary(dictionary: direct))
        }
    }

    /// Each windowed route folds only its own model; its report must be the one all the models give.
    @Test(arguments: [
        ("/pipeline", PipelineModel.name), ("/cases/backlog", BacklogModel.name), ("/funnel", FunnelModel.name),
        ("/accounts/A1", AccountsModel.name),
    ])
    func aReportInAWindowIsTheOneEveryModelFoldedGives(path: String, model: String) async throws {
        try await ServerHarness.run { server in
            _ = try await DemoLoader.load(into: server.engine, accounts: 3, seed: 5)
            let end = server.engine.log.endPosition
            for at in [end / 3, end * 2 / 3] {
                let response = try await server.send(.get, "\(path)?at=\(at)", as: .analyst)
                #expect(response.status == .ok)
                let expected = try server.engine.withReadModels(in: TimeWindow(at: at)) { models, context in
                    switch model {
                    case PipelineModel.name: try ReportFormat.json.render(models.pipeline.report(in: context))
                    case BacklogModel.name: try ReportFormat.json.render(models.backlog.report(in: context))
                    case FunnelModel.name: try ReportFormat.json.render(models.funnel.report(in: context))
                    default:
                        try ReportFormat.json.render(
                            try #require(models.accounts.report(for: RecordId(unchecked: "A1"), in: context))
                        )
                    }
                }
                #expect(response.text == expected, "\(path) at \(at)")
            }
        }
    }

    @Test func anAccountAsOfAPositionShowsWhatWasKnownThen() async throws {
        try await ServerHarness.run { server in
            try await EventRouteTests.writeHistory(server)
            let now = try await server.send(.get, "/accounts/a1", as: .analyst)
            let then = try await server.send(.get, "/accounts/a1?at=0", as: .analyst)
            #expect(now.status == .ok)
            #expect(then.status == .ok)
            #expect(now.text.contains("\"B\""))
            #expect(!then.text.contains("\"B\""))
            let before = try await server.send(.get, "/accounts/a2?at=0", as: .analyst)
            #expect(before.status == .notFound)
            #expect(before.object["code"] as? String == "account_not_found")
        }
    }

    @Test(arguments: ["/pipeline?asOf=yesterday", "/funnel?knownAt=2026-13-01", "/cases/backlog?at=x"])
    func aBadWindowIs400NamingTheParameter(uri: String) async throws {
        try await ServerHarness.run { server in
            let response = try await server.send(.get, uri, as: .analyst)
            #expect(response.status == .badRequest)
            #expect(response.object["code"] as? String == "invalid_query")
        }
    }

    @Test func historyListsEveryChangeWithinTheWindow() async throws {
        try await ServerHarness.run { server in
            try await EventRouteTests.writeHistory(server)
            let whole = try await server.send(.get, "/streams/account-a1/history", as: .auditor)
            #expect(whole.status == .ok)
            #expect((whole.object["entries"] as? [[String: Any]])?.count == 2)
            let early = try await server.send(.get, "/streams/account-a1/history?at=2", as: .auditor)
            #expect((early.object["entries"] as? [[String: Any]])?.count == 1)
            let account = try await server.send(.get, "/accounts/a1/history", as: .auditor)
            #expect((account.object["entries"] as? [[String: Any]])?.count == 2)
            let missing = try await server.send(.get, "/streams/account-zz/history", as: .auditor)
            #expect(missing.status == .notFound)
        }
    }

    @Test func anAccountsHistoryTakesInAMergedAccountOnlyFromTheMergeOn() async throws {
        try await ServerHarness.run { server in
            try await EventRouteTests.writeHistory(server)
            let merge = """
                {"type":"MergeAccounts","actor":"user-1","data":{"accountId":"a1","mergedAccountId":"a2"}}
                """
            let merged = try await server.send(.post, "/commands", body: merge)
            #expect(merged.status == .created)
            let streams = { (response: TestResponse) in
                Set(((response.object["entries"] as? [[String: Any]]) ?? []).compactMap { $0["stream"] as? String })
            }
            let before = try await server.send(.get, "/accounts/a1/history?at=3", as: .auditor)
            #expect(streams(before) == ["account-a1"])
            let after = try await server.send(.get, "/accounts/a1/history", as: .auditor)
            #expect(streams(after) == ["account-a1", "account-a2"])
        }
    }

    @Test func verifyReportsAnIntactLogAndItsHead() async throws {
        try await ServerHarness.run { server in
            try await EventRouteTests.writeHistory(server)
            let response = try await server.send(.get, "/verify", as: .auditor)
            #expect(response.status == .ok)
            #expect(response.text.contains(server.engine.log.headHash.hex))
        }
    }
}
