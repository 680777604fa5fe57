import Foundation
import RapportTestSupport
import Testing

/// An auditor's replay: `rapport history account ID --as-of T` and `rapport account ID --as-of T` agree at every
/// moment of a history with moves, a merge and a lead conversion.
struct ExportAuditorReplayTests {
    /// What the trail says is on the account at its end: the record streams whose last account is one of the
    /// family's, and each contact's last title.
    private struct Replay {
        var family: Set<String> = []
        var members: [String: Set<String>] = [:]
        var titles: [String: String] = [:]
        var positions: [Int] = []

        init(_ entries: [[String: Any]]) {
            var accountOf: [String: String] = [:]
            for entry in entries {
                guard let stream = entry["stream"] as? String, let changes = entry["changes"] as? [[String: Any]]
                else { continue }
                positions.append(entry["position"] as? Int ?? -1)
                if stream.hasPrefix("account-") {
                    family.insert(String(stream.dropFirst("account-".count)))
                    continue
                }
                for change in changes {
                    if change["field"] as? String == "accountId" { accountOf[stream] = change["new"] as? String }
                    if change["field"] as? String == "title", stream.hasPrefix("contact-") {
                        titles[String(stream.dropFirst("contact-".count))] = change["new"] as? String
                    }
                }
            }
            for (stream, account) in accountOf where family.contains(account) {
                let kind = String(stream.prefix { $0 != "-" })
                members[kind, default: []].insert(String(stream.dropFirst(kind.count + 1)))
            }
        }
    }

    /// The ids of a view's list, or of its `open` and `closed` lists.
    private func ids(_ view: [String: Any], _ key: String) -> Set<String> {
        let lists =
            if let split = view[key] as? [String: Any] {
                [split["open"], split["closed"]]
            } else {
                [view[key]]
            }
        return Set(lists.flatMap { ($0 as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } })
    }

    @Test func historyAsOfAndAccountAsOfAgreeAtEveryMoment() async throws {
        try await withTemporaryDirectory { directory in
            let run = try RapportProcess.run(
                ["exec", "--data", directory],
                input: ExportCommandTests.commands.joined(separator: "\n")
            )
            #expect(run.status == 0, "\(run.standardError)")
            var previous: [Int] = []
            for day in 1...14 {
                let moment = "2025-03-" + (day < 10 ? "0" : "") + "\(day)"
                // On the first day nothing has occurred by eight in the morning.
                for asOf in day == 1 ? [moment] : [moment + "T08:00:00Z", moment] {
                    let history = try RapportProcess.run(
                        ["history", "--data", directory, "--format", "json", "--as-of", asOf, "account", "S"]
                    )
                    #expect(history.status == 0, "\(history.standardError)")
                    let trail = try #require(
                        try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8)) as? [String: Any]
                    )
                    let entries = try #require(trail["entries"] as? [[String: Any]])
                    #expect(entries.allSatisfy { ($0["occurredAt"] as? String ?? "~") <= asOf + "T23:59:59.999999Z" })
                    let replay = Replay(entries)

                    let account = try RapportProcess.run(
                        ["account", "--data", directory, "--format", "json", "--as-of", asOf, "S"]
                    )
                    #expect(account.status == 0, "\(account.standardError)")
                    let view = try #require(
                        try JSONSerialization.jsonObject(with: Data(account.standardOutput.utf8)) as? [String: Any]
                    )
                    let merged = Set(
                        (view["mergedAccounts"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    )
                    #expect(replay.family == merged.union(["S"]), "as of \(asOf)")
                    #expect(ids(view, "contacts") == replay.members["contact", default: []], "as of \(asOf)")
                    #expect(
                        ids(view, "opportunities")
                            == replay.members["opportunity", default: []],
                        "as of \(asOf)"
                    )
                    #expect(ids(view, "cases") == replay.members["case", default: []])
                    for contact in view["contacts"] as? [[String: Any]] ?? [] {
                        let id = contact["id"] as? String ?? ""
                        #expect(contact["title"] as? String == replay.titles[id], "title of \(id) as of \(asOf)")
                    }
                    #expect(Set(previous).isSubset(of: Set(replay.positions)), "a later moment only adds events")
                    previous = replay.positions
                }
            }
        }
    }

    @Test func historyAsOfRefusesABadTimeAndAMomentBeforeTheRecord() async throws {
        try await withTemporaryDirectory { directory in
            let run = try RapportProcess.run(
                ["exec", "--data", directory],
                input: ExportCommandTests.commands.joined(separator: "\n")
            )
            #expect(run.status == 0, "\(run.standardError)")
            let bad = try RapportProcess.run(["history", "--data", directory, "--as-of", "soon", "contact-cL"])
            #expect(bad.status != 0)
            #expect(bad.standardError.contains("--as-of"))

            let before = try RapportProcess.run(["history", "--data", directory, "--as-of", "2025-03-05", "contact-cL"])
            #expect(before.status == 1)
            #expect(before.standardError.contains("stream_not_found"), "\(before.standardError)")

            let stream = try RapportProcess.run(
                ["history", "--data", directory, "--format", "json", "--as-of", "2025-03-07", "contact-cL"]
            )
            #expect(stream.status == 0, "\(stream.standardError)")
            let trail = try #require(
                try JSONSerialization.jsonObject(with: Data(stream.standardOutput.utf8)) as? [String: Any]
            )
            let types = (trail["entries"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(types == ["ContactAdded", "ContactMoved"])
        }
    }
}
