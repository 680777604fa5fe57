import RapportCRM
import Testing

struct CaseStoryTests {
    @Test func theCaseStoryEmitsEveryCaseEventAndReplaysToTheSameState() throws {
        let story = try AccountStory.run("case")
        let types = Set(story.events.map(\.event.eventType))
        let caseTypes: Set = [
            "CaseOpened", "CaseAssigned", "CaseResponseRecorded", "CasePriorityChanged", "CaseEscalated",
            "CasePutOnHold", "CaseResumed", "CaseResolved", "CaseClosed", "CaseReopened", "CaseTransferred",
        ]
        #expect(caseTypes.isSubset(of: types), "missing \(caseTypes.subtracting(types))")
        #expect(try AccountStory.replay(story.events) == story.state)
    }
}
