import RapportCRM
import RapportLog
import RapportTestSupport
import RapportTime
import Testing

@testable import Rapport

/// Deciding a command into a batch: its records join the caller's list, and a command whose personal data cannot
/// be sealed leaves the list and the state as they were.
struct EngineCoreTests {
    private static func envelope(_ command: CRMCommand) -> CommandEnvelope {
        CommandEnvelope(command, actor: "user-1", occurredAt: Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000))
    }

    private static let openAccount = envelope(
        .account(.open(OpenAccount(accountId: try! RecordId("a1"), name: "Acme", ownerId: try! RecordId("u1"))))
    )

    private static func addContact(_ id: String) -> CommandEnvelope {
        envelope(
            .contact(
                .add(
                    AddContact(
                        contactId: try! RecordId(id),
                        accountId: try! RecordId("a1"),
                        lastName: "Lovelace",
                        email: "\(id)@acme.example"
                    )
                )
            )
        )
    }

    private static let captureLead = envelope(
        .lead(.capture(CaptureLead(leadId: try! RecordId("l1"), company: "Initech", lastName: "Gone", email: "g@i.io")))
    )

    /// Converting the lead opens an account first, then adds a contact that takes the lead's personal values.
    private static let convertLead = envelope(
        .lead(
            .convert(
                ConvertLead(
                    leadId: try! RecordId("l1"),
                    accountId: try! RecordId("a2"),
                    contactId: try! RecordId("gone")
                )
            )
        )
    )

    @Test func recordsJoinTheBatchAndARefusedSealLeavesItAndTheStateAlone() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true, notice: { _ in })
            try store.destroy("contact-gone")
            let keys = PersonalDataKeys(store: store, dataDirectory: directory)
            var core = EngineCore()
            var records: [ProposedRecord] = []
            for envelope in [Self.openAccount, Self.addContact("kept"), Self.captureLead] {
                let decided = try core.decide(envelope, configuration: .standard, keys: keys, addingRecordsTo: &records)
                core.commit(decided, for: envelope)
            }
            #expect(records.map(\.streamId) == ["account-a1", "contact-kept", "lead-l1"])
            #expect(records.map(\.expectedVersion) == [.exact(0), .exact(0), .exact(0)])
            let before = core.decisions

            for refused in [Self.addContact("gone"), Self.convertLead] {
                let error = #expect(throws: RapportError.self) {
                    try core.decide(refused, configuration: .standard, keys: keys, addingRecordsTo: &records)
                }
                #expect(error?.code == .keyStoreFailure)
                #expect(records.map(\.streamId) == ["account-a1", "contact-kept", "lead-l1"])
                #expect(core.decisions == before)
                #expect(core.nextPosition == 3)
            }
            store.close()
        }
    }
}
