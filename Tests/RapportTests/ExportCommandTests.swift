import Foundation
import Testing

/// `rapport export` run end to end: every format against `rapport events`, the scopes, the time bounds, the
/// output file and every refusal.
struct ExportCommandTests {
    /// The merge history with a lead converted into the survivor, and an account whose name needs CSV quoting.
    static let commands =
        HistoryFixtures.merge + [
            HistoryFixtures.command(
                "CaptureLead",
                by: "u3",
                day: 1,
                #""leadId":"L1","company":"Survivor","lastName":"Lee""#
            ),
            HistoryFixtures.command(
                "OpenAccount",
                by: "u1",
                day: 12,
                #""accountId":"Q","name":"Quote, \"Inc\"","ownerId":"u1""#
            ),
            HistoryFixtures.command(
                "ConvertLead",
                by: "u3",
                day: 13,
                #""leadId":"L1","accountId":"S","contactId":"cN""#
            ),
        ]

    /// A JSON object's text with sorted keys, for comparing two parsed objects.
    static func canonical(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// The CloudEvents `rapport events` prints, the reference every format is checked against.
    private func events(_ directory: String) throws -> [JSONLine] {
        let run = try RapportProcess.run(["events", "--data", directory])
        #expect(run.status == 0, "\(run.standardError)")
        return try run.outputLines.map(JSONLine.init)
    }

    private func export(_ directory: String, _ arguments: [String]) throws -> RapportProcess.Outcome {
        try RapportProcess.run(["export", "--data", directory] + arguments)
    }

    @Test func cloudEventsExportIsWhatEventsPrints() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let run = try export(directory, ["--format", "cloudevents"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput == (try RapportProcess.run(["events", "--data", directory])).standardOutput)
            #expect(run.outputLines.count == 25)
        }
    }

    @Test func jsonLinesCarryEveryFieldOfEachEventInLogOrder() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let run = try export(directory, ["--format", "jsonl"])
            #expect(run.status == 0, "\(run.standardError)")
            let lines = try run.outputLines.map(JSONLine.init)
            let reference = try events(directory)
            #expect(lines.count == reference.count)
            for (line, event) in zip(lines, reference) {
                #expect(line["position"] as? Int == event["position"] as? Int)
                #expect(line["eventId"] as? String == event["id"] as? String)
                #expect(line["stream"] as? String == event["subject"] as? String)
                #expect(line["streamVersion"] as? Int == event["streamversion"] as? Int)
                #expect(line["type"] as? String == event["type"] as? String)
                #expect(line["occurredAt"] as? String == event["time"] as? String)
                #expect(line["recordedAt"] as? String == event["recordedat"] as? String)
                let metadata = try #require(line["metadata"] as? [String: Any])
                #expect(metadata["actor"] as? String == event["actor"] as? String)
                #expect(metadata["schemaVersion"] as? Int == event["schemaversion"] as? Int)
                #expect((metadata["commandId"] as? String) == (event["commandid"] as? String))
                #expect(metadata["commandId"] != nil, "an absent command id is written as null")
                #expect(metadata["provenance"] is NSNull, "not imported: provenance is null")
                let data = try #require(line["data"] as? [String: Any])
                #expect(try Self.canonical(data) == Self.canonical(try #require(event["data"] as? [String: Any])))
            }
            #expect(lines.compactMap { $0["position"] as? Int } == Array(0..<25))
            let again = try export(directory, ["--format", "jsonl"])
            #expect(again.standardOutput == run.standardOutput, "the same log gives the same bytes")
        }
    }

    @Test func csvIsRFC4180WithTheDocumentedColumns() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let run = try export(directory, ["--format", "csv"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardOutput.hasPrefix("position,eventId,stream,streamVersion,type,occurredAt,recordedAt,"))
            let rows = try CSVRows.parse(run.standardOutput)
            #expect(
                rows.first == [
                    "position", "eventId", "stream", "streamVersion", "type", "occurredAt", "recordedAt", "actor",
                    "commandId", "data", "importBatch", "importFile", "importRow",
                ]
            )
            let reference = try events(directory)
            #expect(rows.count == reference.count + 1)
            for (row, event) in zip(rows.dropFirst(), reference) {
                #expect(row.count == 13)
                #expect(row[10...] == ["", "", ""], "not imported: no provenance")
                #expect(row[0] == String(event["position"] as? Int ?? -1))
                #expect(row[1] == event["id"] as? String)
                #expect(row[2] == event["subject"] as? String)
                #expect(row[4] == event["type"] as? String)
                #expect(row[5] == event["time"] as? String)
                #expect(row[7] == event["actor"] as? String)
                #expect(row[8] == (event["commandid"] as? String ?? ""))
                let data = try JSONSerialization.jsonObject(with: Data(row[9].utf8)) as? [String: Any]
                let expected = try #require(event["data"] as? [String: Any])
                #expect(try Self.canonical(try #require(data)) == Self.canonical(expected))
                #expect(!row[9].contains(" \""), "compact JSON")
            }
            let quoted = try #require(rows.first { $0[2] == "account-Q" })
            #expect(quoted[9].contains(#""name":"Quote, \"Inc\"""#))
            #expect(run.standardOutput.contains("\r\n"))
        }
    }

    @Test func streamExportHoldsOnlyThatStream() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let run = try export(directory, ["--format", "jsonl", "--stream", "contact-cL"])
            #expect(run.status == 0, "\(run.standardError)")
            let lines = try run.outputLines.map(JSONLine.init)
            #expect(lines.map { $0["type"] as? String } == ["ContactAdded", "ContactMoved", "ContactUpdated"])
            #expect(lines.map { $0["streamVersion"] as? Int } == [1, 2, 3])
            #expect(lines.allSatisfy { $0["stream"] as? String == "contact-cL" })
        }
    }

    @Test func accountExportHoldsItsHistoryAndTheLeadConvertedIntoIt() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let history = try RapportProcess.run(["history", "--data", directory, "--format", "json", "account", "S"])
            #expect(history.status == 0, "\(history.standardError)")
            let trail = try #require(
                try JSONSerialization.jsonObject(with: Data(history.standardOutput.utf8)) as? [String: Any]
            )
            let trailPositions = try #require(trail["entries"] as? [[String: Any]]).compactMap {
                $0["position"] as? Int
            }
            let leadPositions = try events(directory).filter { $0["subject"] as? String == "lead-L1" }
                .compactMap { $0["position"] as? Int }
            #expect(leadPositions.count == 2, "captured and converted")

            let run = try export(directory, ["--format", "jsonl", "--account", "S"])
            #expect(run.status == 0, "\(run.standardError)")
            let positions = try run.outputLines.map(JSONLine.init).compactMap { $0["position"] as? Int }
            #expect(positions == Set(trailPositions + leadPositions).sorted())
            #expect(!positions.contains(2), "account X's opening is not S's")
        }
    }

    @Test func timeBoundsAreBusinessTimeInclusiveWithDaysWhole() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let all = try export(directory, ["--format", "jsonl"]).outputLines.map(JSONLine.init)
            func days(_ arguments: [String]) throws -> [String] {
                let run = try export(directory, ["--format", "jsonl"] + arguments)
                #expect(run.status == 0, "\(run.standardError)")
                return try run.outputLines.map(JSONLine.init).compactMap { $0["occurredAt"] as? String }
            }
            let expected = all.compactMap { $0["occurredAt"] as? String }.filter {
                $0 >= "2025-03-05" && $0 < "2025-03-09"
            }
            #expect(try days(["--from", "2025-03-05", "--to", "2025-03-08"]) == expected)
            #expect(try days(["--from", "2025-03-05T09:00:00Z", "--to", "2025-03-08T09:00:00Z"]) == expected)
            #expect(
                try days(["--from", "2025-03-05T09:00:01Z", "--to", "2025-03-08T08:59:59Z"])
                    == expected.filter { !$0.hasPrefix("2025-03-05") && !$0.hasPrefix("2025-03-08") }
            )
            #expect(try days(["--to", "2025-02-28"]).isEmpty)
        }
    }

    @Test func anAccountsExportWithinBoundsIsItsWholeExportFilteredByBusinessTime() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let whole = try export(directory, ["--format", "jsonl", "--account", "S"]).outputLines.map(JSONLine.init)
            let times = Array(Set(whole.compactMap { $0["occurredAt"] as? String })).sorted()
            try #require(times.count > 3)
            // Bounds that leave out the account's first and last events, so that its last record is not exported.
            let (from, through) = (times[1], times[times.count - 2])
            let run = try export(directory, ["--format", "jsonl", "--account", "S", "--from", from, "--to", through])
            #expect(run.status == 0, "\(run.standardError)")
            let bounded = try run.outputLines.map(JSONLine.init)
            let expected = whole.filter { ($0["occurredAt"] as? String).map { $0 >= from && $0 <= through } ?? false }
            #expect(bounded.map { $0["position"] as? Int } == expected.map { $0["position"] as? Int })
            #expect(bounded.count < whole.count)
        }
    }

    @Test func outFileHoldsTheSameBytesAndAFailedExportLeavesNone() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let path = directory + "/export.csv"
            let run = try export(directory, ["--format", "csv", "--out", path])
            #expect(run.status == 0, "\(run.standardError)")
            let written = try String(contentsOfFile: path, encoding: .utf8)
            #expect(written == (try export(directory, ["--format", "csv"])).standardOutput)

            let failed = try export(directory, ["--format", "csv", "--stream", "contact-nobody", "--out", path])
            #expect(failed.status == 1)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == written, "the earlier file is untouched")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
                $0.hasSuffix(".tmp")
            }
            #expect(leftovers.isEmpty)

            let noFolder = try export(directory, ["--format", "csv", "--out", directory + "/missing/x.csv"])
            #expect(noFolder.status == 1)
            #expect(noFolder.standardError.contains("--out"))
        }
    }

    @Test(arguments: [
        (["--stream", "contact-nobody"], "stream_not_found"),
        (["--account", "NOBODY"], "stream_not_found"),
        (["--stream", "planet-1"], "--stream"),
        (["--account", "bad id!"], "--account"),
        (["--from", "yesterday"], "--from"),
        (["--to", "2025-13-01"], "--to"),
        (["--from", "2025-03-09", "--to", "2025-03-01"], "before --from"),
        (["--stream", "contact-cL", "--account", "S"], "not both"),
        (["--format", "xml"], "format"),
    ])
    func refusals(arguments: [String], message: String) async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let withFormat = arguments.contains("--format") ? arguments : ["--format", "jsonl"] + arguments
            let run = try export(directory, withFormat)
            #expect(run.status != 0)
            #expect(run.standardOutput.isEmpty)
            #expect(run.standardError.contains(message), "\(run.standardError)")
        }
    }
}

/// An RFC 4180 reader for the tests, written from the RFC and independent of the exporter.
enum CSVRows {
    struct Malformed: Error {}

    /// The records of a CSV text ending with CRLF, each a list of fields.
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r" {
                guard characters.popFirst() == "\n" else { throw Malformed() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                guard character != "\n" else { throw Malformed() }
                field.unicodeScalars.append(character)
            }
        }
        guard !quoted, row.isEmpty, field.isEmpty else { throw Malformed() }
        return rows
    }
}
