import Foundation
import PropertyBased
import Rapport
import RapportCRM
import RapportProjections
import RapportTime
import Testing

/// A history of recorded events made the way the engine makes them, without a log: commands are decided against
/// a decision state and their events get the next positions, the stream versions and a record time that moves a
/// millisecond a command.
struct RecordedHistory {
    private(set) var events: [RecordedEvent] = []
    private(set) var decisions = DecisionState()
    /// Stages, statuses and service targets in force for the next commands.
    var configuration = CRMConfiguration.standard
    /// The business time of commands that give none.
    var now = Timestamp(rfc3339: "2026-03-01T09:00:00Z")!
    /// The record time of the next command's events.
    var recordedAt = Timestamp(rfc3339: "2026-06-01T00:00:00Z")!

    /// Runs a command given as JSON; on success records its events.
    ///
    /// - Parameter json: The command's JSON text.
    /// - Returns: The events it recorded.
    /// - Throws: ``DomainError`` when it is refused (nothing is recorded then).
    @discardableResult
    mutating func run(_ json: String) throws -> [RecordedEvent] {
        try run(CommandEnvelope.decode(json: Array(json.utf8)))
    }

    /// Runs a command; on success records its events.
    ///
    /// - Parameter envelope: The command.
    /// - Returns: The events it recorded.
    /// - Throws: ``DomainError`` when it is refused (nothing is recorded then).
    @discardableResult
    mutating func run(_ envelope: CommandEnvelope) throws -> [RecordedEvent] {
        let occurredAt = envelope.occurredAt ?? now
        let context = DecisionContext(occurredAt: occurredAt, actor: envelope.actor, configuration: configuration)
        let decided = try decisions.decide(envelope.command, expectedVersion: envelope.expectedVersion, in: context)
        var recorded: [RecordedEvent] = []
        for newEvent in decided {
            let version = decisions.version(of: newEvent.stream) + 1
            decisions.apply(newEvent.event, to: newEvent.recordId, version: version)
            recorded.append(
                RecordedEvent(
                    position: UInt64(events.count + recorded.count),
                    id: UUID(),
                    stream: newEvent.stream,
                    streamVersion: version,
                    occurredAt: occurredAt,
                    recordedAt: recordedAt,
                    metadata: envelope.metadata(schemaVersion: newEvent.event.schemaVersion),
                    event: newEvent.event
                )
            )
        }
        events += recorded
        recordedAt = Timestamp(microsecondsSinceEpoch: recordedAt.microsecondsSinceEpoch + 1000)
        return recorded
    }

    /// Runs commands, keeping going past refused ones.
    ///
    /// - Parameter envelopes: The commands.
    /// - Returns: How many were refused.
    @discardableResult
    mutating func runAll(_ envelopes: [CommandEnvelope]) -> Int {
        var refused = 0
        for envelope in envelopes {
            do { try run(envelope) } catch { refused += 1 }
        }
        return refused
    }

    /// The demo's history of a few accounts: realistic opportunities, cases, leads, activities and campaigns over
    /// two years of business time, recorded account after account, so business time is not in log order.
    ///
    /// - Parameters:
    ///   - seed: The demo's seed.
    ///   - accounts: How many accounts.
    /// - Returns: The history.
    static func demo(seed: UInt64, accounts: Int) -> RecordedHistory {
        let demo = DemoHistory(seed: seed, accounts: accounts)
        var history = RecordedHistory()
        history.runAll(demo.openingCommands())
        for index in 0..<accounts { history.runAll(demo.commands(forAccount: index)) }
        history.runAll(demo.closingCommands())
        return history
    }

    /// Random demo histories of one to four accounts, for property tests.
    static let random = Generator<RecordedHistory, Shrink.None<RecordedHistory>> { rng in
        demo(seed: UInt64.random(in: 0...UInt64.max, using: &rng), accounts: Int.random(in: 1...4, using: &rng))
    }

    /// Folds every event into a read model from empty.
    ///
    /// - Parameter model: The read model's type.
    /// - Returns: The model after the whole history.
    func fold<Model: ReadModel>(into model: Model.Type) -> Model {
        var folded = Model()
        for event in events { folded.apply(event) }
        return folded
    }
}
