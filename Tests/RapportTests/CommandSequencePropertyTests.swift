import Foundation
import PropertyBased
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

/// Random command sequences on a real log: the demo's commands for a few accounts, shuffled, repeated and given
/// wrong expected versions, so that many are refused (missing records, closed records, conflicts, duplicates).
struct CommandSequencePropertyTests {
    static let sequences = Generator<[CommandEnvelope], Shrink.None<[CommandEnvelope]>> { rng in
        let history = DemoHistory(seed: UInt64.random(in: 0...UInt64.max, using: &rng), accounts: 2)
        var commands = history.openingCommands() + (0..<2).flatMap(history.commands(forAccount:))
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            let first = Int.random(in: commands.indices, using: &rng)
            let second = Int.random(in: commands.indices, using: &rng)
            commands.swapAt(first, second)
        }
        for _ in 0..<Int.random(in: 0...10, using: &rng) {
            commands.insert(commands.randomElement(using: &rng)!, at: Int.random(in: commands.indices, using: &rng))
        }
        for index in commands.indices where Int.random(in: 0..<12, using: &rng) == 0 {
            commands[index].expectedVersion = UInt64.random(in: 0...4, using: &rng)
        }
        return commands
    }

    @Test func refusedCommandsAppendNothingAndAReplayRebuildsTheSameState() async {
        await propertyCheck(count: 20, input: Self.sequences) { commands in
            try await withTemporaryDirectory { directory in
                var options = EngineOptions()
                options.log.durability = .none
                let engine = try await Engine.open(directory: directory, options: options)
                var accepted = 0
                var refused = 0
                for command in commands {
                    let before = engine.log.endPosition
                    do {
                        let result = try await engine.execute(command)
                        #expect(engine.log.endPosition == before + UInt64(result.events.count))
                        #expect(result.positions == Array(before..<(before + UInt64(result.events.count))))
                        accepted += 1
                    } catch let refusal as DomainError {
                        #expect(engine.log.endPosition == before, "\(refusal) appended something")
                        #expect(!refusal.message.isEmpty)
                        refused += 1
                    }
                }
                let state = engine.decisionState
                await engine.close()
                #expect(accepted > 0)
                #expect(refused + accepted == commands.count)

                let reopened = try await Engine.open(directory: directory)
                #expect(reopened.decisionState == state)
                await reopened.close()
            }
        }
    }
}
