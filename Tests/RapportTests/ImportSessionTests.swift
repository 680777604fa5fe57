import RapportCRM
import RapportTestSupport
import Testing

@testable import Rapport

/// The import session hands its bulk appends to the engine on tasks of their own: a command the engine refuses
/// after the shadow accepted it fails its row once the session finishes, and an engine that has failed fails the
/// import instead of leaving it waiting for appends that never end.
struct ImportSessionTests {
    private static func session(on engine: Engine, in directory: String) throws -> ImportSession {
        let mapping = try ImportMapping.decode(
            Array(
                #"""
                {"name": "t", "actor": "importer", "files": [{"file": "accounts.csv", "record": "account",
                 "externalId": "id", "fields": {"name": "id", "ownerId": {"constant": "u-1"}}}]}
                """#.utf8
            )
        )
        let options = ImportOptions(sourceDirectory: directory, outputDirectory: directory, batchId: "batch")
        return ImportSession(engine: engine, mapping: mapping, options: options)
    }

    private static func openAccount(_ id: String, actor: String, commandId: String) throws -> CommandEnvelope {
        let command = OpenAccount(accountId: try RecordId(id), name: id, ownerId: try RecordId("u-1")).command
        return CommandEnvelope(command, actor: actor, commandId: commandId)
    }

    private static func plan(_ commands: [CommandEnvelope]) -> RowPlan {
        RowPlan(row: CSVTable.Row(number: 2, fields: [], raw: ""), commands: commands)
    }

    @Test func aCommandTheEngineRefusesAfterTheShadowAcceptedItFailsItsRow() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory + "/log")
            let session = try Self.session(on: engine, in: directory)
            // The engine gets the account after the session took its shadow of the decision state.
            _ = try await engine.execute(try Self.openAccount("a1", actor: "someone else", commandId: "elsewhere"))
            session.plans = [
                [
                    Self.plan([try Self.openAccount("a1", actor: "importer", commandId: "import:t:1")]),
                    Self.plan([try Self.openAccount("a2", actor: "importer", commandId: "import:t:2")]),
                ]
            ]
            try await session.check(file: 0, plan: 0)
            try await session.check(file: 0, plan: 1)
            #expect(session.plans[0].allSatisfy { $0.failure == nil })
            try await session.finish()
            let failure = try #require(session.plans[0][0].failure)
            #expect(failure.code == "account_exists")
            #expect(failure.message.contains("the engine refused a command the import had checked"))
            #expect(session.plans[0][1].failure == nil)
            #expect(engine.decisionState.accounts[try RecordId("a2")] != nil)
            await engine.close()
        }
    }

    @Test func aFailedEngineFailsTheImportInsteadOfLeavingItWaiting() async throws {
        try await withTemporaryDirectory { directory in
            let engine = try await Engine.open(directory: directory + "/log")
            let session = try Self.session(on: engine, in: directory)
            engine.markFailed(RapportError(.engineFailed, "stopped by the test"))
            session.plans = [[Self.plan([try Self.openAccount("a1", actor: "importer", commandId: "import:t:1")])]]
            try await session.check(file: 0, plan: 0)
            await #expect(throws: RapportError.self) { try await session.finish() }
            // Later appends are refused at once rather than queued behind the failed one.
            session.plans[0].append(Self.plan([try Self.openAccount("a2", actor: "importer", commandId: "import:t:2")]))
            try await session.check(file: 0, plan: 1)
            await #expect(throws: RapportError.self) { try await session.finish() }
            await engine.close()
        }
    }
}
