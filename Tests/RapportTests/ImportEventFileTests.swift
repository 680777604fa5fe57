import Foundation
import RapportCRM
import RapportTestSupport
import Testing

@testable import Rapport

/// Importing Rapport's own CSV export (`record: event`): each row replayed as its command, and every row that can
/// not be replayed reported with the column and the rule, while the good rows load.
struct ImportEventFileTests {
    private static let header = "position,eventId,stream,streamVersion,type,occurredAt,recordedAt,actor,commandId,data"

    private static func row(
        _ id: String,
        stream: String = "account-A1",
        version: Int = 1,
        type: String = "AccountOpened",
        occurredAt: String = "2024-05-01T09:00:00.000000Z",
        data: String = #"{"name":"Acme","ownerId":"u1"}"#
    ) -> String {
        let quoted = "\"" + data.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return "0,\(id),\(stream),\(version),\(type),\(occurredAt),2024-05-01T09:00:00.000000Z,user-7,,\(quoted)"
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
}
