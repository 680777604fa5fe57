import Foundation
import PropertyBased
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

@testable import Rapport

/// Random CSV sources (accounts with parents, deals in every stage, cases with their updates) imported, exported
/// as CSV, and the export imported into a fresh data directory with tools/mappings/rapport-export.json: the second
/// log gives the same read models as the first, and importing the export again appends nothing.
struct ImportRoundTripPropertyTests {
    /// The CSV files of one random source, by file name.
    struct Source: Sendable, CustomStringConvertible {
        var files: [String: String]
        var description: String { files.keys.sorted().map { "\($0):\n\(files[$0] ?? "")" }.joined(separator: "\n") }
    }

    static let mapping = """
        {"name": "random", "actor": "import:random", "files": [
          {"file": "accounts.csv", "record": "account", "externalId": "id",
           "fields": {"name": "name", "ownerId": "owner", "industry": "industry", "annualRevenue": "revenue",
                      "openedAt": {"column": "since", "format": "yyyy-MM-dd"}},
           "parent": {"column": "parent", "by": "externalId", "required": false}},
          {"file": "deals.csv", "record": "opportunity", "externalId": "id",
           "fields": {"name": "product", "ownerId": "agent",
                      "stage": {"column": "stage", "values": {"Won": "Closed Won", "Lost": "Closed Lost"}},
                      "openingStage": {"constant": "Qualification"},
                      "openedAt": {"column": "engaged", "format": "yyyy-MM-dd"},
                      "closedAt": {"column": "closed", "format": "yyyy-MM-dd"},
                      "closeDate": {"column": "closed", "format": "yyyy-MM-dd", "ifMissing": "2017-12-31"},
                      "amount": "value", "lossReason": {"constant": "Lost"}},
           "parent": {"column": "account", "by": "externalId"}},
          {"file": "cases.csv", "record": "caseUpdate", "externalId": "number",
           "fields": {"sequence": "seq",
                      "openedAt": {"column": "opened", "format": "yyyy-MM-dd HH:mm"},
                      "updatedAt": {"column": "updated", "format": "yyyy-MM-dd HH:mm"},
                      "status": "state", "priority": "priority", "ownerId": "owner", "subject": "subject",
                      "holdReason": {"constant": "Awaiting the customer"}, "resolution": "resolution"},
           "parent": {"column": "account", "by": "externalId"}}
        ]}
        """

    static let sources = Generator<Source, Shrink.None<Source>> { rng in
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: values.indices, using: &rng)] }
        func day(_ offset: Int) -> String {
            let date = Date(timeIntervalSince1970: 1_451_606_400 + Double(offset) * 86_400)
            return ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withFullDate])
        }
        let accounts = Int.random(in: 1...6, using: &rng)
        var accountRows = ["id,name,owner,industry,revenue,since,parent"]
        for index in 0..<accounts {
            let parent = index > 0 && Bool.random(using: &rng) ? "a\(Int.random(in: 0..<index, using: &rng))" : ""
            accountRows.append(
                "a\(index),\(pick(["Acme", "Globex", "Initech", "Umbrella"])) \(index),u\(Int.random(in: 1...3, using: &rng)),"
                    + "\(pick(["retail", "medical", ""])),\(pick(["", "12.5", "1000"])),\(day(index)),\(parent)"
            )
        }
        var dealRows = ["id,account,product,agent,stage,engaged,closed,value"]
        for index in 0..<Int.random(in: 0...10, using: &rng) {
            let engaged = Int.random(in: 10...300, using: &rng)
            let stage = pick(["Prospecting", "Qualification", "Proposal/Price Quote", "Won", "Lost"])
            let closed = stage == "Won" || stage == "Lost" ? day(engaged + Int.random(in: 0...90, using: &rng)) : ""
            let value = stage == "Won" ? "\(Int.random(in: 1...9_000, using: &rng))" : pick(["", "0", "250"])
            dealRows.append(
                "d\(index),a\(Int.random(in: 0..<accounts, using: &rng)),\(pick(["GTX Basic", "MG Special"])),"
                    + "u\(Int.random(in: 1...3, using: &rng)),\(stage),\(day(engaged)),\(closed),\(value)"
            )
        }
        var caseRows = ["number,seq,account,opened,updated,state,priority,owner,subject,resolution"]
        for index in 0..<Int.random(in: 0...6, using: &rng) {
            let opened = Int.random(in: 10...300, using: &rng)
            let account = "a\(Int.random(in: 0..<accounts, using: &rng))"
            let priority = pick(["Critical", "High", "Medium", "Low"])
            var minutes = 0
            for sequence in 0..<Int.random(in: 1...5, using: &rng) {
                minutes += Int.random(in: 0...3_000, using: &rng)
                let time =
                    "\(day(opened + minutes / 1_440)) \(String(format: "%02d:%02d", minutes / 60 % 24, minutes % 60))"
                caseRows.append(
                    "c\(index),\(sequence),\(account),\(day(opened)) 00:00,\(time),"
                        + "\(pick(["New", "Working", "On Hold", "Resolved", "Closed"])),"
                        + "\(sequence == 0 ? priority : pick(["Critical", "High", "Medium", "Low"])),"
                        + "\(pick(["", "agent-1", "agent-2"])),Printer \(index),\(pick(["", "Fixed"]))"
                )
            }
        }
        return Source(files: [
            "accounts.csv": accountRows.joined(separator: "\n") + "\n",
            "deals.csv": dealRows.joined(separator: "\n") + "\n",
            "cases.csv": caseRows.joined(separator: "\n") + "\n",
        ])
    }

    @Test func anImportExportedAsCSVAndImportedAgainGivesTheSameReadModels() async {
        await propertyCheck(count: 12, input: Self.sources) { source in
            try await withTemporaryDirectory { directory in
                let sourceDirectory = directory + "/source"
                let exportDirectory = directory + "/export"
                for path in [sourceDirectory, exportDirectory] {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                }
                for (name, text) in source.files {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: sourceDirectory + "/" + name))
                }
                try Data(Self.mapping.utf8).write(to: URL(fileURLWithPath: directory + "/mapping.json"))

                let first = try await Engine.open(directory: directory + "/first", options: EngineHistory.options())
                let imported = try await Importer.run(
                    try ImportMapping.load(directory + "/mapping.json"),
                    into: first,
                    options: ImportOptions(
                        sourceDirectory: sourceDirectory,
                        outputDirectory: directory + "/first-report",
                        batchId: "first"
                    )
                )
                #expect(imported.events > 0)
                var exported = Data()
                let events = try EventExport(format: .csv).write(
                    from: first.log,
                    keys: .forReading(dataDirectory: first.log.directory)
                ) { exported.append($0) }
                try exported.write(to: URL(fileURLWithPath: exportDirectory + "/events.csv"))
                let expected = try EngineHistory.liveModels(of: first)
                await first.close()

                let second = try await Engine.open(directory: directory + "/second", options: EngineHistory.options())
                let replay = try ImportMapping.load(ImportDatasets.mapping("rapport-export"))
                let reimported = try await Importer.run(
                    replay,
                    into: second,
                    options: ImportOptions(
                        sourceDirectory: exportDirectory,
                        outputDirectory: directory + "/second-report",
                        batchId: "second"
                    )
                )
                let file = try #require(reimported.files.first)
                #expect(file.read == events)
                #expect(file.failed == 0)
                #expect(reimported.events == events)
                #expect(second.log.endPosition == UInt64(events))
                #expect(try EngineHistory.liveModels(of: second) == expected)

                let again = try await Importer.run(
                    replay,
                    into: second,
                    options: ImportOptions(
                        sourceDirectory: exportDirectory,
                        outputDirectory: directory + "/again-report",
                        batchId: "again"
                    )
                )
                #expect(again.events == 0)
                #expect(again.files.first?.unchanged == events)
                await second.close()
            }
        }
    }
}
