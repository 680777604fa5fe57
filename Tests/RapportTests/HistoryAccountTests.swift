import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

/// The audit trail of an account with its related records and the accounts merged into it.
struct HistoryAccountTests {
    private func trails(of accounts: [String]) async throws -> [String: AuditTrail] {
        try await withTemporaryDirectory { directory in
            try await HistoryFixtures.record(HistoryFixtures.merge, in: directory)
            let log = try EventLog.openForReading(directory: directory)
            var trails: [String: AuditTrail] = [:]
            for account in accounts {
                trails[account] = try AuditTrail.history(
                    ofAccount: try RecordId(account),
                    in: log,
                    keys: .forReading(dataDirectory: log.directory)
                )
            }
            return trails
        }
    }

    @Test func theSurvivorsTrailHoldsTheMergedAccountAndEveryRecordWhileItWasOnEither() async throws {
        let trail = try #require(try await trails(of: ["S"])["S"])
        #expect(trail.subject == "account S")
        let expected: [(UInt64, String, String)] = [
            (0, "account-S", "AccountOpened"),
            (1, "account-D", "AccountOpened"),
            (3, "contact-cS", "ContactAdded"),
            (4, "contact-cD", "ContactAdded"),
            (5, "opportunity-oD", "OpportunityOpened"),
            (8, "contact-cX", "ContactMoved"),
            (9, "contact-cD", "ContactUpdated"),
            (10, "contact-cL", "ContactAdded"),
            (11, "contact-cL", "ContactMoved"),
            (13, "activity-aD", "ActivityLogged"),
            (14, "account-D", "AccountMerged"),
            (15, "account-S", "AccountMergedIn"),
            (16, "contact-cD", "ContactMoved"),
            (17, "opportunity-oD", "OpportunityTransferred"),
            (18, "activity-aD", "ActivityTransferred"),
            (19, "opportunity-oD", "OpportunityStageChanged"),
            (20, "contact-cX", "ContactUpdated"),
        ]
        #expect(trail.entries.map(\.position) == expected.map(\.0))
        #expect(trail.entries.map(\.stream) == expected.map(\.1))
        #expect(trail.entries.map(\.type) == expected.map(\.2))

        let byPosition = Dictionary(uniqueKeysWithValues: trail.entries.map { ($0.position, $0.changes) })
        #expect(
            byPosition[8] == [
                FieldChange(field: "accountId", old: .string("X"), new: .string("S")),
                FieldChange(field: "viaMerge", old: nil, new: .bool(false)),
            ],
            "a contact moved in shows the account it came from"
        )
        #expect(byPosition[14] == [FieldChange(field: "intoAccountId", old: nil, new: .string("S"))])
        #expect(
            byPosition[15] == [
                FieldChange(field: "activityIds", old: nil, new: .array([.string("aD")])),
                FieldChange(field: "caseIds", old: nil, new: .array([])),
                FieldChange(field: "childAccountIds", old: nil, new: .array([])),
                FieldChange(field: "contactIds", old: nil, new: .array([.string("cD")])),
                FieldChange(field: "mergedAccountId", old: nil, new: .string("D")),
                FieldChange(field: "opportunityIds", old: nil, new: .array([.string("oD")])),
            ]
        )
        #expect(
            byPosition[17] == [
                FieldChange(field: "accountId", old: .string("D"), new: .string("S")),
                FieldChange(field: "viaMerge", old: nil, new: .bool(true)),
            ]
        )
        #expect(
            byPosition[19] == [FieldChange(field: "stage", old: .string("Prospecting"), new: .string("Qualification"))],
            "Qualification has Prospecting's probability and forecast category, so only the stage changes"
        )
        #expect(byPosition[13]?.first == FieldChange(field: "accountId", old: nil, new: .string("D")))
    }

    @Test func theMergedAccountsTrailEndsForEachRecordWhereItMovedToTheSurvivor() async throws {
        let trail = try #require(try await trails(of: ["D"])["D"])
        #expect(trail.entries.map(\.position) == [1, 4, 5, 9, 13, 14, 16, 17, 18])
        #expect(!trail.entries.contains { $0.stream == "account-S" }, "the survivor was not merged into D")
    }

    @Test func anUnrelatedAccountKeepsItsOwnRecordsAndThoseMovedInOrOut() async throws {
        let trail = try #require(try await trails(of: ["X"])["X"])
        #expect(trail.entries.map(\.position) == [2, 6, 7, 8, 11, 12])
        #expect(
            trail.entries.map(\.type) == [
                "AccountOpened", "CaseOpened", "ContactAdded", "ContactMoved", "ContactMoved", "ContactUpdated",
            ]
        )
        #expect(trail.entries[5].changes == [FieldChange(field: "title", old: nil, new: .string("VP"))])
    }

    @Test func accountsMergedIntoAMergedAccountAreFollowed() async throws {
        let commands =
            HistoryFixtures.merge + [
                HistoryFixtures.command(
                    "OpenAccount",
                    by: "u1",
                    day: 12,
                    #""accountId":"T","name":"Top","ownerId":"u1""#
                ),
                HistoryFixtures.command("MergeAccounts", by: "u9", day: 13, #""accountId":"T","mergedAccountId":"S""#),
            ]
        try await withTemporaryDirectory { directory in
            try await HistoryFixtures.record(commands, in: directory)
            let log = try EventLog.openForReading(directory: directory)
            let trail = try AuditTrail.history(
                ofAccount: try RecordId("T"),
                in: log,
                keys: .forReading(dataDirectory: log.directory)
            )
            let streams = Set(trail.entries.map(\.stream))
            #expect(streams.isSuperset(of: ["account-T", "account-S", "account-D", "contact-cD", "opportunity-oD"]))
            #expect(!streams.contains("account-X"))
            #expect(!streams.contains("case-kX"))
            #expect(trail.entries.map(\.position) == trail.entries.map(\.position).sorted())
            #expect(trail.entries.first?.position == 0)
        }
    }
}
