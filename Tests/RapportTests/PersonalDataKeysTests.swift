import Foundation
import RapportCRM
import RapportLog
import RapportProjections
import RapportTestSupport
import Testing

@testable import Rapport

/// Sealing and opening personal values, and each way it refuses: a person whose key was destroyed gets no new
/// personal data, a key store without the person's key or with another key is named, and values that do not fit
/// their event are an unreadable event.
struct PersonalDataKeysTests {
    static let added = CRMEvent.contact(
        .added(ContactAdded(accountId: try! RecordId("a1"), firstName: "Ada", lastName: "Lovelace", email: "a@x.io"))
    )

    @Test func sealedValuesOpenOnlyForTheirEventAndStream() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true, notice: { _ in })
            let keys = PersonalDataKeys(store: store, dataDirectory: directory)
            let id = UUID()
            let (stored, bytes) = try #require(try keys.seal(Self.added, eventId: id, stream: "contact-c1"))
            #expect(stored.personalData?.holdsPersonalValues == false)
            #expect(try keys.open(stored, sealed: bytes, eventId: id, stream: "contact-c1", position: 0) == Self.added)
            for (otherId, otherStream) in [(UUID(), "contact-c1"), (id, "contact-c2")] {
                _ = try store.key(creatingFor: otherStream)
                let error = #expect(throws: RapportError.self) {
                    try keys.open(stored, sealed: bytes, eventId: otherId, stream: otherStream, position: 9)
                }
                #expect(error?.code == .keyStoreFailure)
                #expect(error?.message.contains("position 9") == true)
            }
            store.close()
        }
    }

    @Test func aForgottenPersonGetsNoNewPersonalData() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true, notice: { _ in })
            try store.destroy("contact-c1")
            let keys = PersonalDataKeys(store: store, dataDirectory: directory)
            let error = #expect(throws: RapportError.self) {
                try keys.seal(Self.added, eventId: UUID(), stream: "contact-c1")
            }
            #expect(error?.code == .keyStoreFailure)
            #expect(error?.message.contains("contact-c1 was forgotten") == true)
            let forgetting = try keys.seal(
                .contact(.forgotten(ContactForgotten(reason: "r"))),
                eventId: UUID(),
                stream: "contact-c1"
            )
            #expect(forgetting == nil)
            store.close()
        }
    }

    @Test func aPersonWithoutAKeyIsNamed() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true, notice: { _ in })
            let keys = PersonalDataKeys(store: store, dataDirectory: directory)
            let error = #expect(throws: RapportError.self) {
                try keys.open(Self.added, sealed: [1, 2, 3], eventId: UUID(), stream: "contact-c9", position: 4)
            }
            #expect(error?.code == .keyStoreFailure)
            #expect(error?.message.contains("has no key for contact-c9") == true)
            store.close()
        }
    }

    @Test func valuesThatDoNotFitTheirEventAreAnUnreadableEvent() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: true, notice: { _ in })
            let keys = PersonalDataKeys(store: store, dataDirectory: directory)
            let key = try #require(try store.key(creatingFor: "contact-c1"))
            let id = UUID()
            let garbage = try PersonalDataCipher.seal([7, 7], key: key, eventId: id, stream: "contact-c1")
            let moved = CRMEvent.contact(.forgotten(ContactForgotten(reason: "r")))
            for event in [Self.added, moved] {
                let error = #expect(throws: RapportError.self) {
                    try keys.open(event, sealed: garbage, eventId: id, stream: "contact-c1", position: 5)
                }
                #expect(error?.code == .unreadableEvent)
            }
            store.close()
        }
    }

    @Test func theReadModelsFoldTheSameWithOnlyThePersonalDataTheyDeclareOpened() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 3)
            var full = ReadModels()
            for event in try EventReading.events(in: engine.log, from: 0, limit: .max, keys: engine.keys) {
                full.apply(event)
            }
            #expect(try EngineHistory.liveModels(of: engine) == full)
            let narrowed = try EventReading.events(
                in: engine.log,
                from: 0,
                limit: .max,
                keys: engine.keys.opening(only: ReadModels.personalDataEventTypes)
            )
            let leads = narrowed.filter { $0.event.eventType == "LeadCaptured" }
            #expect(!leads.isEmpty && leads.allSatisfy { $0.metadata.sealedPersonalData != nil })
            let contacts = narrowed.filter { $0.event.eventType == "ContactAdded" }
            #expect(!contacts.isEmpty && contacts.allSatisfy { $0.metadata.sealedPersonalData == nil })
            await engine.close()
        }
    }

    @Test func withoutSyncingAReaderFindsTheKeyOfEveryEventWrittenWhileTheEngineRuns() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await EngineHistory.run(EngineHistory.commands(seed: 3, accounts: 2), on: engine)
            let log = try EventLog.openForReading(directory: directory)
            let events = try EventReading.events(in: log, from: 0, limit: .max, keys: .forReading(of: log))
            #expect(events.count == Int(engine.log.endPosition))
            #expect(events.contains { $0.event.eventType == "ContactAdded" })
            #expect(events.allSatisfy { $0.metadata.sealedPersonalData == nil })
            await engine.close()
        }
    }

    @Test func aLogWithoutSealedDataReadsWithoutAKeyStoreAndGetsOneAtTheEnginesOpen() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.writeOneAccount(in: directory)
            let keyStore = SubjectKeyFileBytes.path(in: directory)
            try FileManager.default.removeItem(atPath: keyStore)
            let log = try EventLog.openForReading(directory: directory)
            let events = try EventReading.events(in: log, from: 0, limit: .max, keys: .forReading(of: log))
            #expect(events.count == 1)
            let notices = NoticeLog()
            let engine = try await Engine.open(
                directory: directory,
                options: EngineHistory.options(notices: notices)
            )
            #expect(notices.all.contains { $0.contains("no sealed personal data; a key store was made") })
            #expect(FileManager.default.fileExists(atPath: keyStore))
            await engine.close()
        }
    }

    @Test func aCommandWhoseKeyCannotBeMadeAppendsNothing() async throws {
        try await withTemporaryDirectory { directory in
            try await Self.writeOneAccount(in: directory)
            let store = try SubjectKeyStore.open(dataDirectory: directory, createIfMissing: false, notice: { _ in })
            try store.destroy("contact-c1")
            store.close()
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            let end = engine.log.endPosition
            let error = await #expect(throws: RapportError.self) {
                try await ErasureHistory.execute(
                    #"{"type":"AddContact","actor":"u","data":{"contactId":"c1","accountId":"a1","lastName":"Roe"}}"#,
                    on: engine
                )
            }
            #expect(error?.code == .keyStoreFailure)
            #expect(engine.log.endPosition == end)
            #expect(engine.decisionState.contacts.isEmpty)
            await engine.close()
        }
    }

    /// Writes a data directory whose log holds one account and no personal data.
    private static func writeOneAccount(in directory: String) async throws {
        let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
        _ = try await ErasureHistory.execute(
            #"{"type":"OpenAccount","actor":"u","data":{"accountId":"a1","name":"Acme","ownerId":"u"}}"#,
            on: engine
        )
        await engine.close()
    }
}
