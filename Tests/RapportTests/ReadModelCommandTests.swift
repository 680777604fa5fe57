import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

/// `rapport pipeline`, `backlog`, `account`, `funnel`, `rebuild`, `snapshot` and `snapshots` end to end.
struct ReadModelCommandTests {
    /// A data directory holding every story's events.
    private func storyData(in directory: String) throws -> String {
        let data = directory + "/data"
        let stories = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stories")
        for name in ["account", "contact", "lead", "opportunity", "case", "activity", "campaign"] {
            let file = stories.appendingPathComponent("\(name).jsonl").path
            _ = try RapportProcess.run(["exec", "--data", data, "--file", file])
        }
        return data
    }

    @Test func eachReportPrintsTheJSONContract() async throws {
        try await withTemporaryDirectory { directory in
            let data = try storyData(in: directory)
            let pipeline = try RapportProcess.run(["pipeline", "--data", data, "--format", "json"])
            #expect(pipeline.status == 0, "\(pipeline.standardError)")
            let pipelineJSON = try JSONLine(pipeline.standardOutput)
            for key in [
                "asOf", "position", "open", "byStage", "won", "lost", "winRate", "forecast", "byOwner", "byCloseMonth",
            ] {
                #expect(pipelineJSON[key] != nil, "pipeline lacks \(key)")
            }
            let backlog = try RapportProcess.run(["backlog", "--data", data, "--format", "json"])
            let backlogJSON = try JSONLine(backlog.standardOutput)
            for key in ["asOf", "position", "open", "byPriority", "byAge", "sla"] {
                #expect(backlogJSON[key] != nil, "backlog lacks \(key)")
            }
            let funnel = try RapportProcess.run(["funnel", "--data", data, "--format", "json"])
            #expect(funnel.status == 0, "\(funnel.standardError)")
            #expect(try JSONLine(funnel.standardOutput)["leads"] != nil)
        }
    }

    @Test func anAccountIsShownAndAMissingOneIsAnError() async throws {
        try await withTemporaryDirectory { directory in
            let data = try storyData(in: directory)
            let listed = try RapportProcess.run(["events", "--data", data, "--limit", "1"])
            let firstStream = try #require(try JSONLine(listed.outputLines[0])["subject"] as? String)
            let accountId = String(firstStream.dropFirst("account-".count))
            let account = try RapportProcess.run(["account", "--data", data, "--format", "json", accountId])
            #expect(account.status == 0, "\(account.standardError)")
            let view = try JSONLine(account.standardOutput)
            for key in ["account", "contacts", "opportunities", "cases", "activities", "totals"] {
                #expect(view[key] != nil, "account lacks \(key)")
            }
            let missing = try RapportProcess.run(["account", "--data", data, "nobody-here"])
            #expect(missing.status != 0)
            #expect(missing.standardError.contains("there is no account nobody-here"))
        }
    }

    @Test func windowsNarrowTheReportAndBadTimesAreRefusedByOption() async throws {
        try await withTemporaryDirectory { directory in
            let data = try storyData(in: directory)
            let atStart = try RapportProcess.run(["pipeline", "--data", data, "--format", "json", "--at", "0"])
            #expect(atStart.status == 0, "\(atStart.standardError)")
            #expect(try JSONLine(atStart.standardOutput)["position"] as? Int == 1)
            let early = try RapportProcess.run(["backlog", "--data", data, "--format", "json", "--as-of", "1990-01-01"])
            let earlyJSON = try JSONLine(early.standardOutput)
            #expect((earlyJSON["open"] as? [String: Any])?["count"] as? Int == 0)
            #expect(earlyJSON["asOf"] as? String == "1990-01-01T23:59:59.999999Z")
            let bad = try RapportProcess.run(["pipeline", "--data", data, "--as-of", "yesterday"])
            #expect(bad.status != 0)
            #expect(bad.standardError.contains("--as-of must be an RFC 3339 time"))
            let csv = try RapportProcess.run([
                "pipeline", "--data", data, "--format", "csv", "--known-at", "2999-01-01",
            ])
            #expect(csv.status == 0)
            #expect(csv.standardOutput.contains("# "))
        }
    }

    @Test func rebuildSnapshotAndSnapshotsWorkTogether() async throws {
        try await withTemporaryDirectory { directory in
            let data = try storyData(in: directory)
            let rebuild = try RapportProcess.run(["rebuild", "--data", data])
            #expect(rebuild.status == 0, "\(rebuild.standardError)")
            let line = rebuild.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(line.hasPrefix("rebuilt accounts, backlog, funnel, pipeline over "))
            #expect(line.hasSuffix("events/s)"))
            let one = try RapportProcess.run(["rebuild", "--data", data, "--model", "pipeline"])
            #expect(one.standardOutput.hasPrefix("rebuilt pipeline over "))
            let unknown = try RapportProcess.run(["rebuild", "--data", data, "--model", "forecast"])
            #expect(unknown.status != 0)
            #expect(unknown.standardError.contains("\"forecast\" is not a read model"))

            let snapshot = try RapportProcess.run(["snapshot", "--data", data])
            #expect(snapshot.status == 0, "\(snapshot.standardError)")
            #expect(snapshot.standardOutput.hasPrefix("snapshot at position "))
            let listed = try RapportProcess.run(["snapshots", "--data", data, "--format", "json"])
            let snapshots = try #require(try JSONLine(listed.standardOutput)["snapshots"] as? [[String: Any]])
            #expect(!snapshots.isEmpty)
            #expect(snapshots[0]["problem"] == nil)
            #expect((snapshots[0]["models"] as? [String: Int])?["pipeline"] != nil)
        }
    }

    @Test func reportsOnlyReadSoTheyRunBesideAWriter() async throws {
        try await withTemporaryDirectory { directory in
            let data = try storyData(in: directory)
            let writer = try await Engine.open(directory: data)
            let before = try RapportProcess.run(["pipeline", "--data", data, "--format", "json"])
            #expect(before.status == 0, "\(before.standardError)")
            let position = try JSONLine(before.standardOutput)["position"] as? Int
            #expect(position == Int(writer.log.endPosition))
            let opened =
                #"{"type":"OpenAccount","actor":"u1","data":{"accountId":"beside","name":"Beside","ownerId":"u1"}}"#
            _ = try await writer.execute(try CommandEnvelope.decode(json: Array(opened.utf8)))
            let after = try RapportProcess.run(["account", "--data", data, "--format", "json", "beside"])
            #expect(after.status == 0, "\(after.standardError)")
            #expect(try JSONLine(after.standardOutput)["position"] as? Int == Int(writer.log.endPosition))
            await writer.close()
        }
    }
}
