import RapportCRM
import Testing

struct ActivityStoryTests {
    @Test func theActivityStoryEmitsEveryActivityEventAndReplaysToTheSameState() throws {
        let story = try AccountStory.run("activity")
        let types = Set(story.events.map(\.event.eventType))
        let activityTypes: Set = ["ActivityLogged", "TaskCreated", "TaskCompleted", "ActivityTransferred"]
        #expect(activityTypes.isSubset(of: types), "missing \(activityTypes.subtracting(types))")
        #expect(try AccountStory.replay(story.events) == story.state)
    }
}
