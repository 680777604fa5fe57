import RapportCRM
import Testing

struct ContactStoryTests {
    @Test func theContactStoryEmitsEveryContactEventAndReplaysToTheSameState() throws {
        let story = try AccountStory.run("contact")
        let types = Set(story.events.map(\.event.eventType))
        let contactTypes: Set = ["ContactAdded", "ContactUpdated", "ContactMoved"]
        #expect(contactTypes.isSubset(of: types), "missing \(contactTypes.subtracting(types))")
        #expect(try AccountStory.replay(story.events) == story.state)
    }
}
