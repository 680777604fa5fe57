import Foundation
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

@testable import Rapport

/// Importing Rapport's own CSV export (`record: event`): each row replayed as its command, and every row that can
/// not be replayed reported with the column and the rule, while the good rows load.
struct ImportEventFileTests {
    private static let header =
        "position,eventId,stream,streamVersion,type,occurredAt,recordedAt,actor,commandId,data,importBatch,importFile,"
        + "importRow"

    private static func row(
        _ id: String,
        stream: String = "account-A1",
        version: Int = 1,
        type: String = "AccountOpened",
        occurredAt: String = "2024-05-01T09:00:00.000000Z",
        data: String = #"{"name":"Acme","ownerId":"u1"}"#
    ) -> String {
        let quoted = "\"" + data.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return "0,\(id),\(stream),\(version),\(type),\(occurredAt),2024-05-01T09:00:00.000000Z,user-7,,\(quoted),,,"
    }

    @Test func replaysGoodRowsAndExplainsEveryRowItCanNot() async throws {
        let rows = [
            Self.row("e1"),
            Self.row("e2", stream: "lead-L1", type: "LeadCaptured", data: "{}"),
            Self.row("e3", stream: "case-K1", type: "AccountOpened"),
            Self.row("e4", stream: "account-A2", data: #"{"name":"Globex"}"#),
            Self.row("e5", stream: "account-A3", occurredAt: "yesterday"),
            Self.row("e6", stream: "nonsense"),
            Self.row("e1"),
            Self.row("e7", stream: "account-A1", version: 2, type: "AccountUpdated", data: #"{"industry":"retail"}"#),
            Self.row(
                "e8",
                stream: "opportunity-O1",
                type: "OpportunityStageChanged",
                data:
                    #"{"fromStage":"Prospecting","toStage":"Qualification","probability":10,"forecastCategory":"Pipeline"}"#
            ),
        ]
        try await withTemporaryDirectory { directory in
            let source = directory + "/export"
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
            let text = ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: source + "/events.csv"))
            let (summary, state) = try await ImportDatasets.run(
                ImportDatasets.mapping("rapport-export"),
                source: source,
                data: directory + "/log"
            )
            let file = try #require(summary.files.first)
            #expect(file.read == 9)
            #expect(file.created == 1)
            #expect(file.updated == 1)
            #expect(file.failed == 7)
            #expect(summary.events == 2)
            #expect(state.accounts.count == 1)
            let errors = try ImportDatasets.outputRows(
                directory + "/log/imports/batch-1/events.errors.csv"
            )
            let failures = errors.map { [$0["eventId"] ?? "", $0["error_code"] ?? "", $0["error_field"] ?? ""] }
            #expect(
                failures == [
                    ["e2", "unsupported_event", "type"],
                    ["e3", "invalid_value", "stream"],
                    ["e4", "invalid_value", "data"],
                    ["e5", "invalid_date", "occurredAt"],
                    ["e6", "invalid_value", "stream"],
                    ["e1", "duplicate_external_id", "eventId"],
                    ["e8", "opportunity_not_found", "data.opportunityId"],
                ]
            )
            #expect(errors.allSatisfy { !($0["error_message"] ?? "").isEmpty })
        }
    }

    @Test func exportsOfImportedEventsNameTheirBatchFileAndRow() async throws {
        try await withTemporaryDirectory { directory in
            let source = directory + "/export"
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
            let rows = [
                Self.row("e1"), Self.row("e2", stream: "account-A2", data: #"{"name":"Globex","ownerId":"u1"}"#),
            ]
            let text = ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: source + "/events.csv"))
            _ = try await ImportDatasets.run(
                ImportDatasets.mapping("rapport-export"),
                source: source,
                data: directory + "/log",
                batchId: "batch-7"
            )
            let log = try EventLog.openForReading(directory: directory + "/log")
            var jsonl = Data()
            try EventExport(format: .jsonl).write(from: log, keys: .forReading(dataDirectory: log.directory)) {
                jsonl.append($0)
            }
            var csv = Data()
            try EventExport(format: .csv).write(from: log, keys: .forReading(dataDirectory: log.directory)) {
                csv.append($0)
            }
            let lines = String(decoding: jsonl, as: UTF8.self).split(separator: "\n").map(String.init)
            let provenances = try lines.map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let metadata = try #require(object["metadata"] as? [String: Any])
                return try #require(metadata["provenance"] as? [String: Any])
            }
            #expect(provenances.map { $0["batchId"] as? String } == ["batch-7", "batch-7"])
            #expect(provenances.map { $0["file"] as? String } == ["events.csv", "events.csv"])
            #expect(provenances.map { $0["row"] as? Int } == [2, 3])
            let table = try CSVReader.read(Array(csv), file: "export.csv")
            #expect(
                table.rows.map { Array($0.fields.suffix(3)) } == [
                    ["batch-7", "events.csv", "2"], ["batch-7", "events.csv", "3"],
                ]
            )
        }
    }
}
