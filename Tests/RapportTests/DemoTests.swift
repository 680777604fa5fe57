import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import RapportTime
import Testing

/// The demo history: valid through the command path, deterministic, about 100 events per account, and rebuilt
/// exactly by a replay.
struct DemoTests {
    private static func load(_ accounts: Int, seed: UInt64, into directory: String) async throws
        -> (DemoLoader.Summary, DecisionState, [RecordedEvent])
    {
        var options = EngineOptions()
        options.log.durability = .none
        let engine = try await Engine.open(directory: directory, options: options)
        let summary = try await DemoLoader.load(into: engine, accounts: accounts, seed: seed)
        let state = engine.decisionState
        let events = try EventReading.events(in: engine.log, from: 0, limit: .max, keys: engine.keys)
        await engine.close()
        return (summary, state, events)
    }

    @Test func everyDemoCommandIsAcceptedAndTheSameSeedWritesTheSameHistory() async throws {
        try await withTemporaryDirectory { directory in
            let (first, _, firstEvents) = try await Self.load(40, seed: 9, into: directory + "/a")
            let (second, _, secondEvents) = try await Self.load(40, seed: 9, into: directory + "/b")
            #expect(first.refused == 0, "\(first.refusals)")
            #expect(first == second)
            #expect((80...120).contains(first.events / 40), "\(first.events) events for 40 accounts")
            #expect(firstEvents.count == first.events)
            let shape = { (event: RecordedEvent) in
                [event.stream.description, event.event.eventType, event.occurredAt.description, "\(event.event)"]
            }
            #expect(firstEvents.map(shape) == secondEvents.map(shape))
            let (other, _, otherEvents) = try await Self.load(40, seed: 10, into: directory + "/c")
            #expect(other.refused == 0, "\(other.refusals)")
            #expect(otherEvents.map(shape) != firstEvents.map(shape))
        }
    }

    @Test func theDemoEmitsMostEventTypes() async throws {
        try await withTemporaryDirectory { directory in
            let (_, _, events) = try await Self.load(60, seed: 3, into: directory)
            let emitted = Set(events.map(\.event.eventType))
            let expected: Set<String> = [
                "AccountOpened", "AccountUpdated", "AccountOwnerReassigned", "AccountMerged", "AccountMergedIn",
                "ContactAdded", "ContactUpdated", "ContactMoved", "LeadCaptured", "LeadStatusChanged",
                "LeadConverted", "LeadDisqualified", "OpportunityOpened", "OpportunityStageChanged",
                "OpportunityCloseDateMoved", "OpportunityLineItemAdded", "OpportunityClosedWon",
                "OpportunityClosedLost", "CaseOpened", "CaseAssigned", "CaseResponseRecorded", "CaseResolved",
                "CaseClosed", "ActivityLogged", "TaskCreated", "TaskCompleted", "CampaignLaunched",
                "CampaignMemberAdded", "CampaignCompleted",
            ]
            #expect(expected.subtracting(emitted).isEmpty, "not emitted: \(expected.subtracting(emitted).sorted())")
        }
    }

    @Test func reopeningRebuildsExactlyTheStateTheCommandsLeft() async throws {
        try await withTemporaryDirectory { directory in
            let (_, state, _) = try await Self.load(30, seed: 5, into: directory)
            let reopened = try await Engine.open(directory: directory)
            #expect(reopened.decisionState == state)
            await reopened.close()
        }
    }

    @Test func demoCommandsSurviveTheirJSONForm() throws {
        let history = DemoHistory(seed: 1, accounts: 3)
        let commands = history.openingCommands() + (0..<3).flatMap(history.commands(forAccount:))
        for command in commands {
            let json = try command.encodedJSON()
            #expect(
                try CommandEnvelope.decode(json: Array(json)) == command,
                "\(String(decoding: json, as: UTF8.self))"
            )
        }
    }

    @Test func theDemoCommandWritesIntoAnEmptyDirectoryOnly() async throws {
        try await withTemporaryDirectory { directory in
            let written = try RapportProcess.run(["demo", "--data", directory, "--accounts", "15", "--json"])
            #expect(written.status == 0, "\(written.standardError)")
            let summary = try JSONLine(written.outputLines.last ?? "")
            #expect(summary["refused"] as? Int == 0)
            #expect((summary["events"] as? Int ?? 0) > 1_000)
            #expect((summary["bytesPerEvent"] as? Double ?? 999) <= 80)
            let again = try RapportProcess.run(["demo", "--data", directory, "--accounts", "15"])
            #expect(again.status != 0)
            #expect(again.standardError.contains("already holds"))
        }
    }

    @Test func theDemoTakesSnapshotsOnTheWayWhenAskedAndKeepsTheNewestK() async throws {
        try await withTemporaryDirectory { directory in
            let run = try RapportProcess.run([
                "demo", "--data", directory, "--accounts", "200", "--snapshot-every", "2000", "--keep-snapshots", "2",
            ])
            #expect(run.status == 0, "\(run.standardError)")
            let listed = try RapportProcess.run(["snapshots", "--data", directory, "--format", "json"])
            let snapshots = try #require(try JSONLine(listed.standardOutput)["snapshots"] as? [[String: Any]])
            #expect(snapshots.count == 2)
            let positions = snapshots.compactMap { $0["position"] as? Int }
            #expect(positions.count == 2)
            #expect(positions.first ?? 0 > positions.last ?? 0, "the newest comes first, then one taken on the way")
        }
    }

    @Test func keepingNoSnapshotIsRefusedByOption() async throws {
        try await withTemporaryDirectory { directory in
            let run = try RapportProcess.run(["demo", "--data", directory, "--accounts", "2", "--keep-snapshots", "0"])
            #expect(run.status != 0)
            #expect(run.standardError.contains("--keep-snapshots must be at least 1"))
        }
    }
}
