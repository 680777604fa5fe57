import Foundation
import RapportTestSupport
import Testing

/// `rapport history` run end to end as a user runs it.
struct HistoryCommandTests {
    private func withMergeHistory(_ body: (String) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let run = try RapportProcess.run(
                ["exec", "--data", directory],
                input: HistoryFixtures.merge.joined(separator: "\n")
            )
            #expect(run.status == 0, "\(run.standardError)")
            try body(directory)
        }
    }

    @Test func historyOfAStreamPrintsOneCSVRowPerChangedField() async throws {
        try await withMergeHistory { directory in
            let run = try RapportProcess.run(["history", "--data", directory, "--format", "csv", "contact-cD"])
            #expect(run.status == 0, "\(run.standardError)")
            let rows = run.outputLines.map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            #expect(
                rows.first == [
                    "Position", "Occurred at", "Recorded at", "Actor", "Command", "Stream", "Type", "Field", "Old",
                    "New",
                ]
            )
            let withoutRecordTime = rows.dropFirst().map { Array($0[0..<2] + $0[3...]) }
            #expect(
                withoutRecordTime == [
                    ["4", "2025-03-02T09:00:00.000000Z", "u2", "", "contact-cD", "ContactAdded", "accountId", "", "D"],
                    [
                        "4", "2025-03-02T09:00:00.000000Z", "u2", "", "contact-cD", "ContactAdded", "lastName", "",
                        "Dup",
                    ],
                    ["9", "2025-03-06T09:00:00.000000Z", "u2", "", "contact-cD", "ContactUpdated", "title", "", "CTO"],
                    [
                        "16", "2025-03-09T09:00:00.000000Z", "u9", "merge-1", "contact-cD", "ContactMoved", "accountId",
                        "D", "S",
                    ],
                    [
                        "16", "2025-03-09T09:00:00.000000Z", "u9", "merge-1", "contact-cD", "ContactMoved", "viaMerge",
                        "", "true",
                    ],
                ]
            )
        }
    }

    @Test func historyOfAnAccountPrintsJSONAndTakesALimit() async throws {
        try await withMergeHistory { directory in
            let run = try RapportProcess.run(["history", "--data", directory, "--format", "json", "account", "S"])
            #expect(run.status == 0, "\(run.standardError)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
            )
            #expect(document["subject"] as? String == "account S")
            let entries = try #require(document["entries"] as? [[String: Any]])
            #expect(
                entries.map { $0["position"] as? Int } == [0, 1, 3, 4, 5, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20]
            )
            #expect(entries[1]["stream"] as? String == "account-D")
            #expect(entries[1]["occurredAt"] as? String == "2025-03-01T09:00:00.000000Z")
            #expect(entries[1]["commandId"] is NSNull)

            let limited = try RapportProcess.run(["history", "--data", directory, "--limit", "2", "account", "S"])
            #expect(limited.status == 0, "\(limited.standardError)")
            #expect(limited.outputLines.first == "History of account S")
            #expect(limited.outputLines.count == 3 + 4, "title, headings and rule, then the name and owner of S and D")
            #expect(
                limited.outputLines.dropFirst(3).allSatisfy { $0.hasPrefix("       0  ") || $0.hasPrefix("       1  ") }
            )
        }
    }

    @Test func historyRefusesMissingStreamsMalformedNamesAndIdsAfterOtherKinds() async throws {
        try await withMergeHistory { directory in
            let missing = try RapportProcess.run(["history", "--data", directory, "opportunity-none"])
            #expect(missing.status == 1)
            #expect(missing.standardError.contains("stream_not_found: stream opportunity-none does not exist"))
            let missingAccount = try RapportProcess.run(["history", "--data", directory, "account", "none"])
            #expect(missingAccount.status == 1)
            #expect(missingAccount.standardError.contains("stream account-none does not exist"))
            let malformed = try RapportProcess.run(["history", "--data", directory, "customer-7"])
            #expect(malformed.status == 1)
            #expect(malformed.standardError.contains("invalid_stream_name"))
            #expect(malformed.standardError.contains("does not start with one of: account, contact"))
            let badId = try RapportProcess.run(["history", "--data", directory, "account", "a b"])
            #expect(badId.status == 1)
            #expect(badId.standardError.contains("invalid_id"))
            let otherKind = try RapportProcess.run(["history", "--data", directory, "opportunity", "oD"])
            #expect(otherKind.status != 0)
            #expect(otherKind.standardError.contains("only `account` takes an id"))
            let badFormat = try RapportProcess.run(["history", "--data", directory, "--format", "xml", "account-S"])
            #expect(badFormat.status != 0)
            #expect(badFormat.standardError.contains("table"))
        }
    }
}
