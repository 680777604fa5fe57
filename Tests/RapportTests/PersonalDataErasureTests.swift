import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportProjections
import RapportTestSupport
import Testing

/// Forgetting people in an append-only log: their personal values are gone from every file of the data
/// directory and read as erased everywhere, while the log, its checksums and hash chain, and every other figure
/// stay exactly as they were.
struct PersonalDataErasureTests {
    @Test func forgettingLeavesNoTraceInAnyFileOfTheDataDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 30)
            #expect(engine.log.endPosition > 2_000)
            try await engine.takeSnapshot()
            // Before the erasure, the search finds current values in the snapshot's read models, never in the log.
            for trace in ErasureHistory.contactTraces + ErasureHistory.leadTraces {
                let found = try ErasureHistory.occurrences(of: trace, in: directory)
                #expect(found.allSatisfy { $0.contains("/snapshots/") }, "\(trace) found in \(found)")
            }
            for trace in ["Forgetmenot", "w.forgetmenot@example.net", "Erasmusson"] {
                #expect(!(try ErasureHistory.occurrences(of: trace, in: directory)).isEmpty)
            }
            try await ErasureHistory.forgetContact("forget-me", on: engine)
            try await ErasureHistory.forgetLead("forget-lead", on: engine)
            await engine.close()

            for trace in ErasureHistory.contactTraces + ErasureHistory.leadTraces {
                let found = try ErasureHistory.occurrences(of: trace, in: directory)
                #expect(found.isEmpty, "\(trace) is still in \(found)")
            }
            #expect(try LogVerifier(directory: directory).verify().isIntact)
        }
    }

    @Test func everyReaderShowsTheForgottenFieldsErased() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 2)
            try await ErasureHistory.forgetContact("forget-me", on: engine)
            try await ErasureHistory.forgetLead("forget-lead", on: engine)
            let trail = try AuditTrail.history(
                of: StreamName(.contact, try RecordId("forget-me")),
                in: engine.log,
                keys: engine.keys
            )
            #expect(trail.entries.map(\.type) == ["ContactAdded", "ContactUpdated", "ContactForgotten"])
            let changes = "\(trail.entries.flatMap(\.changes))"
            let events = try engine.log.readStream("contact-forget-me").map {
                try EventReading.event(in: $0, keys: engine.keys)
            }
            for event in events.prefix(2) {
                let json = String(decoding: event.event.payloadJSON(), as: UTF8.self)
                #expect(json.contains(#""erased":["firstName","lastName","email","phone"]"#), "\(json)")
                #expect(json.contains(#""lastName":null"#), "\(json)")
            }
            for trace in ErasureHistory.contactTraces {
                #expect(!changes.contains(trace))
            }
            let account = try #require(engine.decisionState.contacts[try RecordId("forget-me")]).accountId
            let report = try engine.withReadModels(in: .live) { models, context in
                models.accounts.report(for: account, in: context)
            }
            let line = try #require(report?.contacts.first { $0.id.text == "forget-me" })
            #expect(line.erased && line.firstName == nil && line.lastName == nil && line.email == nil)
            #expect(line.title == "Buyer")
            #expect(
                report?.contacts.filter { $0.id.text != "forget-me" }.allSatisfy { !$0.erased && $0.lastName != nil }
                    == true
            )
            var exported = Data()
            try EventExport(format: .jsonl).write(from: engine.log, keys: engine.keys) { exported.append($0) }
            let text = String(decoding: exported, as: UTF8.self)
            for trace in ErasureHistory.contactTraces + ErasureHistory.leadTraces {
                #expect(!text.contains(trace))
            }
            #expect(text.contains("ContactForgotten") && text.contains("request 7"))
            await engine.close()
        }
    }

    @Test func theLogAndEveryOtherFigureAreUnchangedByAnErasure() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 6)
            let head = try #require(engine.log.endPosition.checkedPredecessor)
            var headHash: ChainHash?
            let before = try LogVerifier(directory: directory).verify { last, hash in
                if last == head { headHash = hash }
            }
            #expect(before.isIntact)
            let context = try ErasureFigures.context(of: engine)
            let figures = try ErasureFigures.of(engine: engine, leavingOut: ["forget-me"], context: context)
            try await ErasureHistory.forgetContact("forget-me", on: engine)
            try await ErasureHistory.forgetLead("forget-lead", on: engine)
            var stillThere = false
            let after = try LogVerifier(directory: directory).verify { last, hash in
                if last == head, hash == headHash { stillThere = true }
            }
            #expect(after.isIntact && stillThere)
            #expect(try ErasureFigures.of(engine: engine, leavingOut: ["forget-me"], context: context) == figures)
            await engine.close()
        }
    }

    @Test func aReopenedEngineAndARebuildFromZeroAgreeWithTheLiveErasedModels() async throws {
        try await withTemporaryDirectory { directory in
            var engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 3)
            try await ErasureHistory.forgetContact("forget-me", on: engine)
            let live = try EngineHistory.liveModels(of: engine)
            _ = try engine.rebuild()
            #expect(try EngineHistory.liveModels(of: engine) == live)
            let decisions = engine.decisionState
            await engine.close()
            try FileManager.default.removeItem(atPath: directory + "/snapshots")
            engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            #expect(try EngineHistory.liveModels(of: engine) == live)
            #expect(engine.decisionState.contacts == decisions.contacts)
            #expect(engine.decisionState.accounts == decisions.accounts)
            await engine.close()
        }
    }

    @Test func anErasureCutShortIsCompletedWhenTheEngineNextOpens() async throws {
        try await withTemporaryDirectory { directory in
            var engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 2)
            try await engine.takeSnapshot()
            let keysBefore = try SubjectKeyFileBytes.read(in: directory)
            let snapshotBefore = try ErasureHistory.files(in: directory + "/snapshots")
            try await ErasureHistory.forgetContact("forget-me", on: engine)
            await engine.close()
            // As if the process stopped after the event was durable but before the key and the snapshot went.
            try SubjectKeyFileBytes.write(keysBefore, in: directory)
            for (path, bytes) in snapshotBefore {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            let notices = NoticeLog()
            engine = try await Engine.open(directory: directory, options: EngineHistory.options(notices: notices))
            #expect(notices.all.contains { $0.contains("completing the interrupted erasure of contact-forget-me") })
            await engine.close()
            for trace in ErasureHistory.contactTraces {
                #expect(try ErasureHistory.occurrences(of: trace, in: directory).isEmpty)
            }
        }
    }

    @Test func aMissingKeyStoreIsAClearErrorAtOpenAndAForeignOneAtTheFirstRead() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory + "/data", options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 1)
            await engine.close()
            let other = try await Engine.open(directory: directory + "/other", options: EngineHistory.options())
            try await ErasureHistory.write(into: other, accounts: 1)
            await other.close()

            let keyStore = SubjectKeyFileBytes.path(in: directory + "/data")
            try FileManager.default.moveItem(atPath: keyStore, toPath: directory + "/saved-keys")
            let missing = await #expect(throws: RapportError.self) {
                try await Engine.open(directory: directory + "/data", options: EngineHistory.options())
            }
            #expect(missing?.code == .keyStoreFailure)
            #expect(missing?.message.contains("missing") == true)
            let reader = #expect(throws: RapportError.self) {
                try PersonalDataKeys.forReading(of: EventLog.openForReading(directory: directory + "/data"))
            }
            #expect(reader?.code == .keyStoreFailure)
            #expect(reader?.message.contains("missing") == true)

            try FileManager.default.copyItem(
                atPath: SubjectKeyFileBytes.path(in: directory + "/other"),
                toPath: keyStore
            )
            let log = try EventLog.openForReading(directory: directory + "/data")
            let foreign = #expect(throws: RapportError.self) {
                try EventReading.events(in: log, from: 0, limit: .max, keys: .forReading(dataDirectory: log.directory))
            }
            #expect(foreign?.code == .keyStoreFailure)
            #expect(foreign?.message.contains("does not open with its key") == true)
            // A report opens the key store on another thread while it reads the snapshot; its failure still
            // reaches the report at the first value it opens (from zero: without snapshots, none is open yet).
            try FileManager.default.removeItem(atPath: log.directory + "/snapshots")
            let report = #expect(throws: RapportError.self) {
                try ReadModelQuery.answer(
                    in: .live,
                    directory: log.directory,
                    models: ReadModels.Selection([AccountsModel.name])
                ) { models, _ in models }
            }
            #expect(report?.code == .keyStoreFailure)
            #expect(report?.message.contains("does not open with its key") == true)
        }
    }

    @Test func aRestoredBackupKeepsEveryErasureMadeSince() async throws {
        try await withTemporaryDirectory { directory in
            let data = directory + "/data"
            var engine = try await Engine.open(directory: data, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 2)
            try SubjectKeyStore.openForReading(dataDirectory: data).backup(to: directory + "/keys.backup")
            try await ErasureHistory.forgetContact("forget-me", on: engine)
            try await ErasureHistory.forgetLead("forget-lead", on: engine)
            await engine.close()
            try FileManager.default.removeItem(atPath: SubjectKeyFileBytes.path(in: data))

            let report = try await KeyStoreRestoration.restore(from: directory + "/keys.backup", into: data) { _ in }
            #expect(report.forgottenInBackup == 2)
            #expect(report.currentStore == .absent)
            engine = try await Engine.open(directory: data, options: EngineHistory.options())
            let events = try EventReading.events(in: engine.log, from: 0, limit: .max, keys: engine.keys)
            let erased = events.compactMap(\.event.personalData).filter(\.erased)
            #expect(erased.count == 3)
            #expect(events.compactMap(\.event.personalData).contains { !$0.erased })
            await engine.close()
        }
    }

    @Test func aForgettingCommandInABulkBatchErasesBeforeTheBatchCompletes() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 1)
            let forget = try CommandEnvelope.decode(
                json: Array(
                    #"{"type": "ForgetContact", "actor": "dpo", "data": {"contactId": "forget-me", "reason": "r"}}"#
                        .utf8
                )
            )
            let done: Void = try await withCheckedThrowingContinuation { continuation in
                do {
                    let (outcomes, appending) = try engine.submitBatch([forget]) { outcome in
                        continuation.resume(with: outcome.mapError { $0 as any Error })
                    }
                    #expect(outcomes.count == 1 && appending)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            _ = done
            let events = try engine.log.readStream("contact-forget-me").map {
                try EventReading.event(in: $0, keys: engine.keys)
            }
            #expect(events.prefix(2).allSatisfy { $0.event.personalData?.erased == true })
            await engine.close()
        }
    }

    @Test func restoringWhileTheEngineRunsIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory, options: EngineHistory.options())
            try await ErasureHistory.write(into: engine, accounts: 1)
            try SubjectKeyStore.openForReading(dataDirectory: directory).backup(to: directory + "/keys.backup")
            let refused = await #expect(throws: RapportError.self) {
                try await KeyStoreRestoration.restore(from: directory + "/keys.backup", into: directory) { _ in }
            }
            #expect(refused?.code == .logFailure)
            await engine.close()
        }
    }
}

private extension UInt64 {
    /// The number before, when there is one.
    var checkedPredecessor: UInt64? { self > 0 ? self - 1 : nil }
}
