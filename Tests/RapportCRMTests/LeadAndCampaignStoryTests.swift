import Foundation
import RapportCRM
import Testing

struct LeadAndCampaignStoryTests {
    /// Every event type of a story's kinds, which the story emits at least once.
    static let stories: [(file: String, eventTypes: Set<String>)] = [
        ("lead.jsonl", ["LeadCaptured", "LeadStatusChanged", "LeadDisqualified", "LeadConverted"]),
        (
            "campaign.jsonl",
            [
                "CampaignLaunched", "CampaignMemberAdded", "CampaignResponseRecorded", "CampaignCostRecorded",
                "CampaignCompleted",
            ]
        ),
    ]

    @Test(arguments: stories)
    func storyRunsOnAnEmptyLogEmitsEveryEventTypeAndReplays(file: String, eventTypes: Set<String>) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stories/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var domain = Decisions()
        var emitted: [NewEvent] = []
        for (number, line) in lines.enumerated() {
            do {
                let events = try domain.run(String(line))
                #expect(!events.isEmpty, "line \(number + 1) emitted no event")
                emitted += events
            } catch {
                Issue.record("line \(number + 1) was refused: \(error)")
            }
        }
        let missing = eventTypes.subtracting(emitted.map(\.event.eventType))
        #expect(missing.isEmpty, "\(file) never emits \(missing)")
        var replayed = DecisionState()
        for event in emitted {
            let decoded = try LeadAndCampaignEventForms.decode(
                type: event.event.eventType,
                schemaVersion: event.event.schemaVersion,
                payload: event.event.encodedPayload()
            )
            replayed.apply([NewEvent(event.recordId, decoded)])
        }
        #expect(replayed == domain.state, "replaying \(file)'s events from their binary form gives another state")
    }
}
