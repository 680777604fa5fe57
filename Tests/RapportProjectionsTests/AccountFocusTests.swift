import PropertyBased
import RapportCRM
import RapportProjections
import RapportTime
import Testing

/// A view focused on one account, folded on with only the events it admits, reports the account as the whole view
/// does, or says that an event is out of its focus.
struct AccountFocusTests {
    private static let context = AccountFixtures.context("2026-01-01T00:00:00Z")

    @Test func aFocusedViewReportsItsAccountAsTheWholeViewDoes() async throws {
        await propertyCheck(count: 25, input: RecordedHistory.random) { history in
            let events = history.events
            let whole = history.fold(into: AccountsModel.self)
            let ids = Set(events.filter { $0.stream.kind == .account }.map(\.stream.id))
            var compared = 0
            for cut in [0, events.count / 3, 2 * events.count / 3] {
                var start = AccountsModel()
                for event in events[..<cut] { start.apply(event) }
                for id in ids {
                    // Widened as a reader widens it: by the account each record moved onto a focused one comes from.
                    var focus: Set = [id]
                    while true {
                        let focused = try Self.read(AccountPropertyTests.bytes(of: start), focusedOn: focus)
                        #expect(focused == start.focused(on: focus))
                        switch Self.fold(events[cut...], into: focused, focusedOn: focus) {
                        case .success(let folded):
                            compared += 1
                            let report = folded.report(for: id, in: Self.context)
                            #expect(report == whole.report(for: id, in: Self.context))
                        case .failure(let outOfFocus):
                            #expect(!focus.contains(outOfFocus.source))
                            focus.insert(outOfFocus.source)
                            continue
                        }
                        break
                    }
                }
            }
            #expect(compared > 0)
        }
    }

    @Test func anotherAccountsNewRecordsArePassedOverUnreadUnlessTheirBytesHoldTheId() throws {
        var history = RecordedHistory()
        for (id, name) in [("acme", "Acme"), ("acme-eu", "Acme Europe"), ("labs", "Labs")] {
            try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account(id, name))
            try history.accountCommand(
                "LogActivity",
                at: "2025-03-01T10:00:00Z",
                #""activityId":"call-\#(id)","channel":"Call","subject":"Hello","accountId":"\#(id)""#
            )
            try history.accountCommand(
                "AddContact",
                at: "2025-03-02T10:00:00Z",
                #""contactId":"lee-\#(id)","accountId":"\#(id)","lastName":"Lee""#
            )
        }
        let acme = AccountFixtures.id("acme")
        let view = AccountsModel().focused(on: [acme])
        let concerned = history.events.filter { Self.concerns($0, view, focusedOn: [acme]) }.map(\.stream.description)
        // Every account's events are read (the view keeps their profiles); the others' new records only when their
        // bytes hold "acme", as "acme-eu" does: reading them is safe, and their admission then passes them over.
        #expect(
            concerned == [
                "account-acme", "activity-call-acme", "contact-lee-acme", "account-acme-eu", "activity-call-acme-eu",
                "contact-lee-acme-eu", "account-labs",
            ]
        )
        let admitted = history.events.filter { view.admission(of: $0, focusedOn: [acme]) != .pass }
        #expect(
            admitted.map(\.stream.description) == ["account-acme", "activity-call-acme", "contact-lee-acme"]
                + ["account-acme-eu", "account-labs"]
        )
    }

    @Test func mergingAnotherAccountInIsOutOfFocusUntilTheViewHoldsTheDuplicateToo() throws {
        let history = try AccountMergeTests.history()
        let (acme, duplicate) = (AccountFixtures.id("acme"), AccountFixtures.id("acme-dup"))
        let events = history.events[...]
        #expect(throws: OutOfFocus(source: duplicate)) {
            try Self.fold(events, into: AccountsModel(), focusedOn: [acme]).get()
        }
        let both = try Self.fold(events, into: AccountsModel(), focusedOn: [acme, duplicate]).get()
        let whole = history.fold(into: AccountsModel.self)
        #expect(both.report(for: acme, in: Self.context) == whole.report(for: acme, in: Self.context))
        #expect(both.report(for: acme, in: Self.context)?.mergedAccounts.isEmpty == false)
        let alone = try Self.fold(events, into: AccountsModel(), focusedOn: [duplicate]).get()
        #expect(alone.report(for: duplicate, in: Self.context)?.account.status == .merged)
    }

    @Test func aFocusedViewHoldsTheAccountWholeAndTheOthersProfiles() throws {
        let whole = try AccountMergeTests.history().fold(into: AccountsModel.self)
        let (acme, labs) = (AccountFixtures.id("acme"), AccountFixtures.id("labs"))
        let focused = whole.focused(on: [labs])
        #expect(focused.accountIds == whole.accountIds)
        #expect(focused.report(for: labs, in: Self.context) == whole.report(for: labs, in: Self.context))
        let survivor = try #require(focused.report(for: acme, in: Self.context))
        #expect(survivor.account == whole.report(for: acme, in: Self.context)?.account)
        #expect(survivor.contacts.isEmpty && survivor.children.isEmpty && survivor.mergedAccounts.isEmpty)
        let nobody = whole.focused(on: [AccountFixtures.id("nobody")])
        #expect(nobody.report(for: acme, in: Self.context)?.contacts.isEmpty == true)
        #expect(
            try Self.read(AccountPropertyTests.bytes(of: whole), focusedOn: [AccountFixtures.id("nobody")]) == nobody
        )
    }

    @Test func aDamagedRecordIsRefusedWhenReadWholeAndPassedOverPastItsProfile() throws {
        // No texts, no campaigns, one account whose profile is whole but whose lists are cut short.
        var record = AccountFixtures.storedAccountFields(named: "Acme")
        for _ in 0..<5 { record.writeVarint(0) }
        record.writeByte(0)
        record.writeVarint(9)
        var writer = ByteWriter()
        writer.writeVarint(0)
        writer.writeVarint(0)
        writer.writeVarint(1)
        writer.writeString("A1")
        writer.writeBytes(record.bytes)
        let bytes = writer.bytes + [0, 0, 0]
        #expect(throws: BinaryFormatError.self) { try Self.read(bytes, focusedOn: [AccountFixtures.id("A1")]) }
        let other = try Self.read(bytes, focusedOn: [AccountFixtures.id("A2")])
        #expect(other.report(for: AccountFixtures.id("A1"), in: Self.context)?.account.name == "Acme")
    }

    /// An event moved onto a focused account a record of `source`, which the view does not hold.
    private struct OutOfFocus: Error, Equatable {
        var source: RecordId
    }

    /// Folds events into a focused view as a reader does: decoding only what may concern it, folding what it
    /// admits, until an event is out of focus.
    private static func fold(
        _ events: ArraySlice<RecordedEvent>,
        into view: AccountsModel,
        focusedOn focus: Set<RecordId>
    ) -> Result<AccountsModel, OutOfFocus> {
        var view = view
        for event in events {
            let admission = view.admission(of: event, focusedOn: focus)
            #expect(
                concerns(event, view, focusedOn: focus) || admission == .pass,
                "\(event.event.eventType) of \(event.stream)"
            )
            switch admission {
            case .fold: view.apply(event)
            case .pass: break
            case .outOfFocus(let source): return .failure(OutOfFocus(source: source))
            }
        }
        return .success(view)
    }

    /// Whether a focused view finds an event worth decoding from its bytes as the log stores them.
    private static func concerns(_ event: RecordedEvent, _ view: AccountsModel, focusedOn focus: Set<RecordId>) -> Bool
    {
        let streamName = Array(event.stream.description.utf8)
        let type = Array(event.event.eventType.utf8)
        let payload = event.event.encodedPayload()
        return streamName.withUnsafeBytes { name in
            type.withUnsafeBytes { type in
                payload.withUnsafeBytes { payload in
                    view.mayConcernFocus(streamName: name, type: type, payload: payload, focusedOn: focus)
                }
            }
        }
    }

    private static func read(_ bytes: [UInt8], focusedOn focus: Set<RecordId>) throws -> AccountsModel {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return try AccountsModel.read(from: &reader, focusedOn: focus)
        }
    }
}
