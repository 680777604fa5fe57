import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import RapportTime
import Testing

/// The audit trail of one record's stream, checked field by field against hand-made histories.
struct HistoryTests {
    private func change(_ field: String, _ old: JSONValue?, _ new: JSONValue?) -> FieldChange {
        FieldChange(field: field, old: old, new: new)
    }

    private func trail(of stream: String, after commands: [String]) async throws -> AuditTrail {
        try await withTemporaryDirectory { directory in
            try await HistoryFixtures.record(commands, in: directory)
            let log = try EventLog.openForReading(directory: directory)
            return try AuditTrail.history(
                of: try StreamName(parsing: stream),
                in: log,
                keys: .forReading(dataDirectory: log.directory)
            )
        }
    }

    @Test func anOpportunitysTrailShowsEachEventsOldAndNewValues() async throws {
        let trail = try await trail(of: "opportunity-O1", after: HistoryFixtures.opportunity)
        #expect(trail.subject == "opportunity-O1")
        #expect(trail.entries.map(\.position) == [1, 2, 3, 4, 5])
        #expect(trail.entries.map(\.streamVersion) == [1, 2, 3, 4, 5])
        #expect(Set(trail.entries.map(\.stream)) == ["opportunity-O1"])
        #expect(
            trail.entries.map(\.type) == [
                "OpportunityOpened", "OpportunityStageChanged", "OpportunityAmountChanged",
                "OpportunityCloseDateMoved", "OpportunityClosedWon",
            ]
        )
        #expect(trail.entries.map(\.actor) == ["u2", "u2", "u3", "u2", "u2"])
        #expect(trail.entries.map(\.commandId) == ["c2", nil, "c4", nil, "c6"])
        #expect(trail.entries.map(\.occurredAt) == [2, 5, 6, 7, 10].map(HistoryFixtures.time))
        #expect(zip(trail.entries, trail.entries.dropFirst()).allSatisfy { $0.recordedAt <= $1.recordedAt })
        #expect(trail.entries.allSatisfy { $0.recordedAt > HistoryFixtures.time(day: 10) })

        #expect(
            trail.entries[0].changes == [
                change("accountId", nil, .string("A1")),
                change("amount", nil, .integer(1000)),
                change("closeDate", nil, .string("2025-06-30")),
                change("currency", nil, .string("USD")),
                change("forecastCategory", nil, .string("Pipeline")),
                change("name", nil, .string("Renewal")),
                change("ownerId", nil, .string("u2")),
                change("probability", nil, .integer(10)),
                change("stage", nil, .string("Prospecting")),
            ]
        )
        #expect(
            trail.entries[1].changes == [
                change("probability", .integer(10), .integer(20)),
                change("stage", .string("Prospecting"), .string("Needs Analysis")),
            ],
            "the forecast category stays Pipeline, so it is no change"
        )
        #expect(trail.entries[2].changes == [change("amount", .integer(1000), .double(1500.25))])
        #expect(trail.entries[3].changes == [change("closeDate", .string("2025-06-30"), .string("2025-07-15"))])
        #expect(
            trail.entries[4].changes == [
                change("closeDate", .string("2025-07-15"), .string("2025-03-10")),
                change("forecastCategory", .string("Pipeline"), .string("Closed")),
                change("probability", .integer(20), .integer(100)),
                change("stage", .string("Needs Analysis"), .string("Closed Won")),
            ],
            "the amount is unchanged; the close date becomes the day it was won"
        )
    }

    @Test func anAccountsTrailShowsOwnerReassignmentUpdatesAndARemovedParent() async throws {
        let commands = [
            HistoryFixtures.command(
                "OpenAccount",
                by: "u1",
                day: 1,
                #""accountId":"A1","name":"Acme","ownerId":"u1","industry":"Retail""#
            ),
            HistoryFixtures.command(
                "OpenAccount",
                by: "u1",
                day: 1,
                #""accountId":"P","name":"Parent","ownerId":"u1""#
            ),
            HistoryFixtures.command(
                "ReassignAccountOwner",
                by: "u7",
                id: "r1",
                day: 2,
                #""accountId":"A1","ownerId":"u3""#
            ),
            HistoryFixtures.command(
                "UpdateAccount",
                by: "u3",
                day: 3,
                #""accountId":"A1","industry":"Energy","website":"acme.example","parentAccountId":"P""#
            ),
            HistoryFixtures.command("UpdateAccount", by: "u3", day: 4, #""accountId":"A1","removeParent":true"#),
        ]
        let trail = try await trail(of: "account-A1", after: commands)
        #expect(trail.entries.map(\.position) == [0, 2, 3, 4])
        #expect(
            trail.entries.map(\.type) == [
                "AccountOpened", "AccountOwnerReassigned", "AccountUpdated", "AccountUpdated",
            ]
        )
        #expect(
            trail.entries[0].changes == [
                change("industry", nil, .string("Retail")),
                change("name", nil, .string("Acme")),
                change("ownerId", nil, .string("u1")),
            ]
        )
        #expect(trail.entries[1].changes == [change("ownerId", .string("u1"), .string("u3"))])
        #expect(trail.entries[1].actor == "u7")
        #expect(trail.entries[1].commandId == "r1")
        #expect(
            trail.entries[2].changes == [
                change("industry", .string("Retail"), .string("Energy")),
                change("parentAccountId", nil, .string("P")),
                change("website", nil, .string("acme.example")),
            ]
        )
        #expect(trail.entries[3].changes == [change("parentAccountId", .string("P"), nil)])
    }

    @Test func aContactMovedByAMergeShowsItsAccountChange() async throws {
        let trail = try await trail(of: "contact-cD", after: HistoryFixtures.merge)
        #expect(trail.entries.map(\.position) == [4, 9, 16])
        #expect(trail.entries.map(\.type) == ["ContactAdded", "ContactUpdated", "ContactMoved"])
        #expect(trail.entries[1].changes == [change("title", nil, .string("CTO"))])
        #expect(
            trail.entries[2].changes == [
                change("accountId", .string("D"), .string("S")),
                change("viaMerge", nil, .bool(true)),
            ]
        )
        #expect(trail.entries[2].actor == "u9")
        #expect(trail.entries[2].commandId == "merge-1")
    }

    @Test func aStreamWithoutEventsIsRefusedByName() async throws {
        try await withTemporaryDirectory { directory in
            try await HistoryFixtures.record(HistoryFixtures.opportunity, in: directory)
            let log = try EventLog.openForReading(directory: directory)
            let error = #expect(throws: RapportError.self) {
                try AuditTrail.history(
                    of: StreamName(.opportunity, try RecordId("O2")),
                    in: log,
                    keys: .forReading(dataDirectory: log.directory)
                )
            }
            #expect(error?.code == .streamNotFound)
            #expect(error?.message.contains("stream opportunity-O2 does not exist") == true)
            let missingAccount = #expect(throws: RapportError.self) {
                try AuditTrail.history(
                    ofAccount: try RecordId("nobody"),
                    in: log,
                    keys: .forReading(dataDirectory: log.directory)
                )
            }
            #expect(missingAccount?.code == .streamNotFound)
            #expect(missingAccount?.message.contains("account-nobody") == true)
        }
    }
}
