import Foundation
import PropertyBased
import Rapport
import RapportCRM
import RapportTestSupport
import Testing

/// Erasing random people in random histories changes no figure but their personal fields, and the erased read
/// models are the ones a rebuild from zero gives.
struct PersonalDataErasurePropertyTests {
    /// A demo history and which of its contacts and leads to forget.
    struct Scenario: Sendable, CustomStringConvertible {
        var seed: UInt64
        var accounts: Int
        /// Each contact and lead is forgotten when its position in id order, mixed with this, is odd.
        var pick: UInt64

        var description: String { "seed \(seed), \(accounts) accounts, pick \(pick)" }

        func forgets(_ index: Int) -> Bool {
            (UInt64(index) &* 0x9E37_79B9_7F4A_7C15 ^ pick).nonzeroBitCount % 2 == 1
        }
    }

    static let scenarios = Generator<Scenario, Shrink.None<Scenario>> { rng in
        Scenario(
            seed: UInt64.random(in: 0...UInt64.max, using: &rng),
            accounts: Int.random(in: 1...3, using: &rng),
            pick: UInt64.random(in: 0...UInt64.max, using: &rng)
        )
    }

    @Test func erasingRandomPeopleChangesNoOtherFigure() async {
        await propertyCheck(count: 12, input: Self.scenarios) { scenario in
            try await withTemporaryDirectory { directory in
                let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
                try await EngineHistory.run(
                    EngineHistory.commands(seed: scenario.seed, accounts: scenario.accounts),
                    on: engine
                )
                let contacts = engine.decisionState.contacts.keys.map(\.text).sorted()
                let leads = engine.decisionState.leads.keys.map(\.text).sorted()
                let forgottenContacts = contacts.enumerated().filter { scenario.forgets($0.offset) }.map(\.element)
                let forgottenLeads = leads.enumerated().filter { scenario.forgets($0.offset + 7) }.map(\.element)
                let context = try ErasureFigures.context(of: engine)
                let before = try ErasureFigures.of(
                    engine: engine,
                    leavingOut: Set(forgottenContacts),
                    context: context
                )
                for id in forgottenContacts { try await ErasureHistory.forgetContact(id, on: engine) }
                for id in forgottenLeads { try await ErasureHistory.forgetLead(id, on: engine) }
                let after = try ErasureFigures.of(engine: engine, leavingOut: Set(forgottenContacts), context: context)
                #expect(after == before, "\(scenario)")
                let live = try EngineHistory.liveModels(of: engine)
                _ = try engine.rebuild()
                #expect(try EngineHistory.liveModels(of: engine) == live, "\(scenario)")
                let events = try EventReading.events(in: engine.log, from: 0, limit: .max, keys: engine.keys)
                let forgotten = Set(forgottenContacts.map { "contact-\($0)" } + forgottenLeads.map { "lead-\($0)" })
                for event in events {
                    guard let personal = event.event.personalData else { continue }
                    if forgotten.contains(event.stream.description) {
                        #expect(!personal.holdsPersonalValues, "\(event.stream)")
                    } else {
                        #expect(!personal.erased, "\(event.stream)")
                    }
                }
                await engine.close()
            }
        }
    }
}
