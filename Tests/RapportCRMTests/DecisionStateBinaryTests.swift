import Foundation
import PropertyBased
import RapportCRM
import Testing

/// The binary form snapshots keep the decision state in: states built by the story files' commands read back
/// equal, and damaged bytes are refused or read, never a crash.
struct DecisionStateBinaryTests {
    static let stories = ["account", "activity", "campaign", "case", "contact", "lead", "opportunity"]

    /// The state after each command of a story file, in order.
    static func states(along story: String) throws -> [DecisionState] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stories/\(story).jsonl")
        var domain = Decisions()
        var states: [DecisionState] = []
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            try domain.run(String(line))
            states.append(domain.state)
        }
        return states
    }

    /// The state after each command of every story.
    static let everyState: [DecisionState] = stories.flatMap { story in (try? states(along: story)) ?? [] }

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

    @Test(arguments: stories)
    func everyStateAlongAStoryReadsBackEqual(story: String) throws {
        let states = try Self.states(along: story)
        #expect(!states.isEmpty)
        for (step, state) in states.enumerated() {
            #expect(try Self.read(DecisionState.self, from: Self.bytes(of: state)) == state, "\(story) step \(step)")
        }
    }

    @Test func theStoriesReachEveryKindAndEveryShapeOfRecord() throws {
        let states = Self.everyState
        #expect(states.count == 86)
        func some(_ found: (DecisionState) -> Bool) -> Bool { states.contains(where: found) }
        #expect(some { $0.accounts.values.contains { if case .merged = $0.status { true } else { false } } })
        #expect(some { $0.accounts.values.contains { $0.status == .inactive } })
        #expect(some { $0.accounts.values.contains { !$0.sharedContactEmails.isEmpty } })
        #expect(some { $0.accounts.values.contains { !$0.children.isEmpty && $0.annualRevenue != nil } })
        #expect(some { $0.contacts.values.contains { $0.email != nil } })
        #expect(some { $0.leads.values.contains { $0.conversion?.opportunityId != nil } })
        #expect(some { $0.leads.values.contains { $0.disqualified && $0.campaignId == nil } })
        #expect(some { $0.opportunities.values.contains { $0.lineItems.count == 2 && !$0.isClosed } })
        #expect(some { $0.cases.values.contains { $0.holdStartedAt != nil && $0.status == .onHold } })
        #expect(some { $0.cases.values.contains { $0.escalationLevel == 1 && $0.ownerId != nil } })
        #expect(some { $0.activities.values.contains { $0.status == .openTask } })
        #expect(some { $0.activities.values.contains { $0.status == .completedTask } })
        #expect(some { $0.campaigns.values.contains { Set($0.members.keys.map(\.kind)) == [.lead, .contact] } })
        #expect(some { $0.campaigns.values.contains { $0.completed && $0.members.values.contains(true) } })
    }

    @Test func anEmptyStateIsItsFormNumberAndSevenEmptyKinds() throws {
        #expect(Self.bytes(of: DecisionState()) == [2, 0, 0, 0, 0, 0, 0, 0])
        #expect(try Self.read(DecisionState.self, from: [2, 0, 0, 0, 0, 0, 0, 0]) == DecisionState())
    }

    @Test func anActivityIsItsVersionAccountAndStatusTag() throws {
        var domain = Decisions()
        try domain.run(#"{"type":"OpenAccount","actor":"u","data":{"accountId":"A1","name":"Acme","ownerId":"u"}}"#)
        try domain.run(#"{"type":"CaptureLead","actor":"u","data":{"leadId":"L1","company":"Hooli","lastName":"Roe"}}"#)
        try domain.run(
            #"{"type":"LogActivity","actor":"u","data":{"activityId":"n1","channel":"Note","subject":"Hi","leadId":"L1"}}"#
        )
        try domain.run(
            #"{"type":"CreateTask","actor":"u","data":{"activityId":"t1","subject":"Call","dueDate":"2026-03-02","ownerId":"u","#
                + #""priority":"High","accountId":"A1"}}"#
        )
        let logged = try #require(domain.state.activities[try RecordId("n1")])
        let task = try #require(domain.state.activities[try RecordId("t1")])
        #expect(Self.bytes(of: logged) == [1, 0, 0])
        #expect(Self.bytes(of: task) == [1, 1, 2, 0x41, 0x31, 1])
        #expect(try Self.read(ActivityState.self, from: [1, 1, 2, 0x41, 0x31, 1]) == task)
    }

    @Test func aTextDigestIsItsEightBytesLowFirst() throws {
        // FNV-1a's offset basis 0xcbf29ce484222325 for no text; 0xaf63dc4c8601ec8c for "a".
        #expect(Self.bytes(of: TextDigest(nil)) == [0x25, 0x23, 0x22, 0x84, 0xE4, 0x9C, 0xF2, 0xCB])
        let digestOfA: [UInt8] = [0x8C, 0xEC, 0x01, 0x86, 0x4C, 0xDC, 0x63, 0xAF]
        #expect(Self.bytes(of: TextDigest("a")) == digestOfA)
        #expect(try Self.read(TextDigest.self, from: digestOfA) == TextDigest("a"))
        #expect(throws: BinaryFormatError("text digest at 0 needs 8 bytes, 7 left")) {
            try Self.read(TextDigest.self, from: Array(digestOfA.dropLast()))
        }
    }

    @Test func unknownTagsAreRefusedByName() throws {
        #expect(throws: BinaryFormatError("account status tag 3 at byte 0 is not 0, 1 or 2")) {
            try Self.read(AccountState.Status.self, from: [3])
        }
        #expect(throws: BinaryFormatError("activity status tag 9 at byte 0 is not 0, 1 or 2")) {
            try Self.read(ActivityState.Status.self, from: [9])
        }
        #expect(throws: BinaryFormatError("campaign member kind tag 2 at byte 0 is not 0 or 1")) {
            try Self.read(CampaignMember.self, from: [2, 1, 0x61])
        }
        #expect(throws: BinaryFormatError("decision state form 1 stored, form 2 expected")) {
            try Self.read(DecisionState.self, from: [1, 0, 0, 0, 0, 0, 0, 0])
        }
        let held = try #require(Self.states(along: "case")[8].cases[try RecordId("case-1")])
        #expect(held.status == .onHold)
        let bytes = Self.bytes(of: held)
        // A case ends in its status tag, its priority tag and whether it was responded to.
        #expect(bytes.suffix(3) == [3, 0, 1])
        let end = bytes.count
        #expect(throws: BinaryFormatError("case status tag 6 at byte \(end - 3) is not 0 to 5")) {
            try Self.read(CaseState.self, from: Array(bytes.prefix(end - 3)) + [6, 0, 1])
        }
        #expect(throws: BinaryFormatError("case priority tag 4 at byte \(end - 2) is not 0 to 3")) {
            try Self.read(CaseState.self, from: Array(bytes.prefix(end - 3)) + [3, 4, 1])
        }
    }

    /// A state along a story and two random numbers that pick where to damage its bytes and how.
    static let damage = Generator<(DecisionState, UInt64, UInt8), Shrink.None<(DecisionState, UInt64, UInt8)>> {
        rng in
        let state = everyState.randomElement(using: &rng) ?? DecisionState()
        return (state, UInt64.random(in: 0...UInt64.max, using: &rng), UInt8.random(in: 1...255, using: &rng))
    }

    @Test func everyCutShortStateIsRefused() async {
        await propertyCheck(count: 300, input: Self.damage) { state, cut, _ throws in
            let bytes = Self.bytes(of: state)
            let length = Int(cut % UInt64(bytes.count))
            #expect(throws: BinaryFormatError.self) { try Self.read(DecisionState.self, from: Array(bytes[..<length])) }
        }
    }

    @Test func aFlippedByteIsRefusedOrReadNeverACrash() async {
        await propertyCheck(count: 1_000, input: Self.damage) { state, place, flip throws in
            var bytes = Self.bytes(of: state)
            let index = Int(place % UInt64(bytes.count))
            bytes[index] ^= flip
            let read: DecisionState
            do {
                read = try Self.read(DecisionState.self, from: bytes)
            } catch {
                #expect(error is BinaryFormatError, "\(error)")
                return
            }
            #expect(try Self.read(DecisionState.self, from: Self.bytes(of: read)) == read)
        }
    }
}
