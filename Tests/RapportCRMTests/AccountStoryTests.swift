import Foundation
import RapportCRM
import Testing

/// Runs a story file of Tests/Fixtures/stories: one command per line, each of which must succeed.
enum AccountStory {
    /// Runs every command of a story on an empty state.
    ///
    /// - Parameter name: The file's name without `.jsonl`.
    /// - Returns: The events of every command, in order, and the state after them.
    /// - Throws: When the file cannot be read or a command is refused.
    static func run(_ name: String) throws -> (events: [NewEvent], state: DecisionState) {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stories/\(name).jsonl")
        var domain = Decisions()
        var events: [NewEvent] = []
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            events += try domain.run(String(line))
        }
        return (events, domain.state)
    }

    /// Rebuilds the state from events the way opening the log does: each read back from its binary form, then
    /// folded.
    ///
    /// - Parameter events: The events, in order.
    /// - Returns: The state.
    /// - Throws: When an event's binary form does not read back.
    static func replay(_ events: [NewEvent]) throws -> DecisionState {
        var state = DecisionState()
        for event in events {
            let bytes = event.event.encodedPayload()
            let type = Array(event.event.eventType.utf8)
            let decoded = try type.withUnsafeBytes { type in
                try bytes.withUnsafeBytes { payload in
                    try CRMEvent.decode(type: type, schemaVersion: event.event.schemaVersion, payload: payload)
                }
            }
            state.apply([NewEvent(event.recordId, decoded)])
        }
        return state
    }
}

struct AccountStoryTests {
    @Test func theAccountStoryEmitsEveryAccountEventAndReplaysToTheSameState() throws {
        let story = try AccountStory.run("account")
        let types = Set(story.events.map(\.event.eventType))
        let accountTypes: Set = [
            "AccountOpened", "AccountUpdated", "AccountOwnerReassigned", "AccountDeactivated", "AccountReactivated",
            "AccountMerged", "AccountMergedIn",
        ]
        #expect(accountTypes.isSubset(of: types), "missing \(accountTypes.subtracting(types))")
        #expect(try AccountStory.replay(story.events) == story.state)
    }
}
