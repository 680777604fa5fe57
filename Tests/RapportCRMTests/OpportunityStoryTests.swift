import RapportCRM
import Testing

struct OpportunityStoryTests {
    @Test func theOpportunityStoryEmitsEveryOpportunityEventAndReplaysToTheSameState() throws {
        let story = try AccountStory.run("opportunity")
        let types = Set(story.events.map(\.event.eventType))
        let opportunityTypes: Set = [
            "OpportunityOpened", "OpportunityStageChanged", "OpportunityAmountChanged", "OpportunityCloseDateMoved",
            "OpportunityLineItemAdded", "OpportunityLineItemRemoved", "OpportunityClosedWon", "OpportunityClosedLost",
            "OpportunityReopened", "OpportunityTransferred",
        ]
        #expect(opportunityTypes.isSubset(of: types), "missing \(opportunityTypes.subtracting(types))")
        #expect(try AccountStory.replay(story.events) == story.state)
    }
}
