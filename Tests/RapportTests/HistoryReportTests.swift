import Foundation
import Rapport
import RapportCRM
import RapportProjections
import RapportTime
import Testing

/// An audit trail as a report: its table, CSV and JSON forms.
struct HistoryReportTests {
    private static func entry(position: UInt64, version: UInt64, commandId: String?, changes: [FieldChange]) throws
        -> AuditEntry
    {
        let event = RecordedEvent(
            position: position,
            id: UUID(),
            stream: StreamName(.opportunity, try RecordId("O1")),
            streamVersion: version,
            occurredAt: HistoryFixtures.time(day: 5),
            recordedAt: HistoryFixtures.time(day: 6),
            metadata: EventMetadata(schemaVersion: 1, actor: "u2", commandId: commandId),
            event: .opportunity(
                .stageChanged(
                    OpportunityStageChanged(
                        fromStage: "Prospecting",
                        toStage: "Needs Analysis",
                        probability: 20,
                        forecastCategory: .pipeline
                    )
                )
            )
        )
        return AuditEntry(event, changes: changes)
    }

    private static func trail() throws -> AuditTrail {
        AuditTrail(
            subject: "opportunity-O1",
            entries: [
                try entry(
                    position: 7,
                    version: 2,
                    commandId: "c,1",
                    changes: [
                        FieldChange(field: "probability", old: .integer(10), new: .integer(20)),
                        FieldChange(field: "stage", old: .string("Prospecting"), new: .string("Needs Analysis")),
                    ]
                ),
                try entry(position: 9, version: 3, commandId: nil, changes: []),
            ]
        )
    }

    @Test func csvHasARowPerChangedFieldAndOneForAnEventThatChangedNothing() throws {
        let occurred = "2025-03-05T09:00:00.000000Z"
        let recorded = "2025-03-06T09:00:00.000000Z"
        let event = "\(occurred),\(recorded),u2"
        let expected = [
            "Position,Occurred at,Recorded at,Actor,Command,Stream,Type,Field,Old,New",
            #"7,\#(event),"c,1",opportunity-O1,OpportunityStageChanged,probability,10,20"#,
            #"7,\#(event),"c,1",opportunity-O1,OpportunityStageChanged,stage,Prospecting,Needs Analysis"#,
            "9,\(event),,opportunity-O1,OpportunityStageChanged,,,",
            "",
        ]
        #expect(try ReportFormat.csv.render(try Self.trail()) == expected.joined(separator: "\n"))
        #expect(try Self.trail().tables.map(\.title) == ["History of opportunity-O1"])
    }

    @Test func tableRightAlignsPositionsAndNumbersAndLeavesMissingValuesEmpty() throws {
        let trail = AuditTrail(
            subject: "opportunity-O1",
            entries: [
                try Self.entry(
                    position: 12,
                    version: 1,
                    commandId: nil,
                    changes: [FieldChange(field: "probability", old: nil, new: .integer(100))]
                )
            ]
        )
        // Widths: the headings, the times (27), the stream (14), the type (23) and `probability` (11).
        func pad(_ count: Int) -> String { String(repeating: " ", count: count) }
        let rule = [8, 27, 27, 5, 7, 14, 23, 11, 3, 3].map { String(repeating: "-", count: $0) }
        let expected = [
            "History of opportunity-O1",
            "Position  Occurred at" + pad(18) + "Recorded at" + pad(18) + "Actor  Command  Stream" + pad(10) + "Type"
                + pad(21) + "Field" + pad(8) + "Old  New",
            rule.joined(separator: "  "),
            pad(6) + "12  2025-03-05T09:00:00.000000Z  2025-03-06T09:00:00.000000Z  u2" + pad(14)
                + "opportunity-O1  OpportunityStageChanged  probability" + pad(7) + "100",
            "",
        ]
        #expect(try ReportFormat.table.render(trail) == expected.joined(separator: "\n"))
    }

    @Test func jsonWritesMissingCommandIdsAndValuesAsNull() throws {
        let trail = AuditTrail(
            subject: "opportunity-O1",
            entries: [
                try Self.entry(
                    position: 9,
                    version: 3,
                    commandId: nil,
                    changes: [FieldChange(field: "stage", old: nil, new: .string("Needs Analysis"))]
                )
            ]
        )
        let expected = """
            {
              "entries" : [
                {
                  "actor" : "u2",
                  "changes" : [
                    {
                      "field" : "stage",
                      "new" : "Needs Analysis",
                      "old" : null
                    }
                  ],
                  "commandId" : null,
                  "occurredAt" : "2025-03-05T09:00:00.000000Z",
                  "position" : 9,
                  "recordedAt" : "2025-03-06T09:00:00.000000Z",
                  "stream" : "opportunity-O1",
                  "streamVersion" : 3,
                  "type" : "OpportunityStageChanged"
                }
              ],
              "subject" : "opportunity-O1"
            }

            """
        #expect(try ReportFormat.json.render(trail) == expected)
    }
}
