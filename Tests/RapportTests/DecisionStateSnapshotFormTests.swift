import PropertyBased
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

/// The binary forms a snapshot keeps the engine's memory in: the decision state of demo histories and the results
/// of the commands that made them read back equal.
struct DecisionStateSnapshotFormTests {
    static let histories = Generator<DemoHistory, Shrink.None<DemoHistory>> { rng in
        DemoHistory(seed: UInt64.random(in: 0...UInt64.max, using: &rng), accounts: Int.random(in: 1...6, using: &rng))
    }

    static func bytes<Field: BinaryField>(of value: Field) -> [UInt8] {
        var writer = ByteWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    /// Reads a value that must take every byte.
    static func read<Field: BinaryField>(_ type: Field.Type, from bytes: [UInt8]) throws -> Field {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let value = try Field.read(from: &reader)
            guard reader.isAtEnd else { throw BinaryFormatError("\(reader.remainingCount) bytes left over") }
            return value
        }
    }

    @Test func theDecisionStateAndCommandResultsOfDemoHistoriesReadBackEqual() async {
        await propertyCheck(count: 8, input: Self.histories) { history in
            try await withTemporaryDirectory { directory in
                var options = EngineOptions()
                options.log.durability = .none
                let engine = try await Engine.open(directory: directory, options: options)
                let commands =
                    history.openingCommands() + (0..<history.accounts).flatMap(history.commands(forAccount:))
                    + history.closingCommands()
                var results: [String: CommandResult] = [:]
                for (index, command) in commands.enumerated() {
                    results["command-\(index)"] = try await engine.execute(command)
                }
                let state = engine.decisionState
                await engine.close()

                #expect(state.accounts.count >= history.accounts)
                #expect(!state.contacts.isEmpty && !state.opportunities.isEmpty && !state.activities.isEmpty)
                #expect(try Self.read(DecisionState.self, from: Self.bytes(of: state)) == state)

                let readResults = try Self.read([String: CommandResult].self, from: Self.bytes(of: results))
                #expect(readResults == results)
                #expect(readResults.values.reduce(0) { $0 + $1.events.count } == Int(engine.log.endPosition))
            }
        }
    }

    @Test func anAppendedEventIsItsPositionKindTagIdVersionAndType() throws {
        let result = CommandResult(events: [
            CommandResult.AppendedEvent(
                position: 300,
                stream: StreamName(.opportunity, try RecordId("Q1")),
                version: 2,
                type: "OpportunityStageChanged"
            ),
            CommandResult.AppendedEvent(
                position: 301,
                stream: StreamName(.campaign, try RecordId("C")),
                version: 9,
                type: "X"
            ),
        ])
        let bytes = Self.bytes(of: result)
        let expected: [UInt8] =
            [2, 0xAC, 0x02, 3, 2, 0x51, 0x31, 2, 23] + Array("OpportunityStageChanged".utf8)
            + [0xAD, 0x02, 6, 1, 0x43, 9, 1, 0x58]
        #expect(bytes == expected)
        #expect(try Self.read(CommandResult.self, from: bytes) == result)
        #expect(try Self.read(CommandResult.self, from: [0]) == CommandResult(events: []))
    }

    @Test func damagedResultsAreRefused() throws {
        #expect(throws: BinaryFormatError("record kind tag 7 at byte 2 is not 0 to 6")) {
            try Self.read(CommandResult.self, from: [1, 5, 7, 1, 0x41, 1, 1, 0x58])
        }
        let bytes: [UInt8] = [1, 5, 0, 1, 0x41, 1, 1, 0x58]
        let stream = try Self.read(CommandResult.self, from: bytes).events.first?.stream
        #expect(stream == StreamName(.account, try RecordId("A")))
        for length in 0..<bytes.count {
            #expect(throws: BinaryFormatError.self) { try Self.read(CommandResult.self, from: Array(bytes[..<length])) }
        }
    }
}
