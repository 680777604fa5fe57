import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

/// A log written by an earlier release, committed under Tests/Fixtures/upcasting/log: its `LeadCaptured` events
/// are schema version 1, with one `name` where version 2 has `firstName` and `lastName`. It must still read, as
/// version 2, and the leads must still work.
struct UpcastingFixtureTests {
    private static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/upcasting/log").path

    /// Runs `body` on a copy of the fixture, which stays untouched.
    private func withFixtureCopy(_ body: (String) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let copy = directory + "/log"
            try FileManager.default.copyItem(atPath: Self.fixture, toPath: copy)
            try await body(copy)
        }
    }

    @Test func version1LeadsReadAsVersion2WithTheNameSplit() async throws {
        try await withFixtureCopy { directory in
            let log = try EventLog.openForReading(directory: directory)
            let events = try EventReading.events(
                in: log,
                from: 0,
                limit: 10,
                keys: .forReading(dataDirectory: log.directory)
            )
            #expect(
                events.map(\.event.eventType) == ["AccountOpened", "LeadCaptured", "LeadCaptured", "LeadStatusChanged"]
            )
            #expect(events[1].metadata.schemaVersion == 1)
            guard case .lead(.captured(let ada)) = events[1].event, case .lead(.captured(let prince)) = events[2].event
            else {
                Issue.record("expected two LeadCaptured events, got \(events.map(\.event))")
                return
            }
            #expect(ada.firstName == "Ada King")
            #expect(ada.lastName == "Lovelace")
            #expect(ada.email == "ada@globex.example")
            #expect(ada.source == "Web")
            #expect(ada.status == "Open - Not Contacted")
            #expect(prince.firstName == nil)
            #expect(prince.lastName == "Prince")
            let json = String(decoding: events[1].cloudEventJSON(), as: UTF8.self)
            #expect(json.contains(#""dataschema":"urn:rapport:schemas:events:LeadCaptured:v2""#))
            #expect(json.contains(#""schemaversion":2"#))
        }
    }

    @Test func anUpcastLeadConvertsWithItsSplitName() async throws {
        try await withFixtureCopy { directory in
            let engine = try await Engine.open(directory: directory)
            let lead = try #require(engine.decisionState.leads[try RecordId("L1")])
            #expect(lead.status == "Working - Contacted")
            let command = try CommandEnvelope.decode(
                json: Array(
                    #"{"type":"ConvertLead","actor":"user-3","data":{"leadId":"L1","accountId":"globex","contactId":"C1"}}"#
                        .utf8
                )
            )
            let result = try await engine.execute(command)
            #expect(result.events.map(\.type) == ["ContactAdded", "LeadConverted"])
            let contact = try EventReading.events(
                in: engine.log,
                from: result.positions[0],
                limit: 1,
                keys: engine.keys
            )
            guard case .contact(.added(let added)) = contact.first?.event else {
                Issue.record("expected ContactAdded, got \(contact)")
                return
            }
            #expect(added.firstName == "Ada King")
            #expect(added.lastName == "Lovelace")
            await engine.close()
            #expect(try LogVerifier(directory: directory).verify().isIntact)
        }
    }
}
