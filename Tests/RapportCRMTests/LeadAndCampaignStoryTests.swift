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
    func storyRunsOnAnEmptyLogAndEmitsEveryEventType(file: String, eventTypes: Set<String>) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stories/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var domain = Decisions()
        var emitted: Set<String> = []
        for (number, line) in lines.enumerated() {
            do {
                let events = try domain.run(String(line))
                #expect(!events.isEmpty, "line \(number + 1) emitted no event")
                emitted.formUnion(events.map(\.event.eventType))
            } catch {
                Issue.record("line \(number + 1) was refused: \(error)")
            }
        }
        #expect(eventTypes.subtracting(emitted).isEmpty, "\(file) never emits \(eventTypes.subtracting(emitted))")
    }
}
