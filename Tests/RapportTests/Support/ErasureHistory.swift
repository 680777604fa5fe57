import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportProjections

/// A demo history with two people whose personal data the erasure tests look for afterwards.
enum ErasureHistory {
    /// The texts that identify the contact to forget; none may remain anywhere once it is forgotten.
    static let contactTraces = [
        "Wilhelmina", "Forgetmenot", "wilhelmina.forgetmenot@example.org", "w.forgetmenot@example.net",
        "+44 20 7946 0958",
    ]
    /// The texts that identify the lead to forget.
    static let leadTraces = ["Bartholomew", "Erasmusson", "bartholomew.erasmusson@example.com"]

    /// Writes the demo history of `accounts` accounts, then the contact (added, its email changed) and the lead.
    static func write(into engine: Engine, accounts: Int, seed: UInt64 = 5) async throws {
        try await EngineHistory.run(EngineHistory.commands(seed: seed, accounts: accounts), on: engine)
        let account = try requireAccount(in: engine)
        for json in [
            """
            {"type": "AddContact", "actor": "u1", "data": {"contactId": "forget-me", "accountId": "\(account)",
             "firstName": "Wilhelmina", "lastName": "Forgetmenot", "email": "wilhelmina.forgetmenot@example.org",
             "phone": "+44 20 7946 0958", "title": "Buyer"}}
            """,
            """
            {"type": "UpdateContact", "actor": "u1", "data": {"contactId": "forget-me",
             "email": "w.forgetmenot@example.net"}}
            """,
            """
            {"type": "CaptureLead", "actor": "u1", "data": {"leadId": "forget-lead", "company": "Erasure Ltd",
             "firstName": "Bartholomew", "lastName": "Erasmusson", "email": "bartholomew.erasmusson@example.com",
             "source": "Web"}}
            """,
        ] {
            _ = try await engine.execute(try CommandEnvelope.decode(json: Array(json.utf8)))
        }
    }

    /// Runs one command given as JSON.
    static func execute(_ json: String, on engine: Engine) async throws -> CommandResult {
        try await engine.execute(try CommandEnvelope.decode(json: Array(json.utf8)))
    }

    /// Forgets a contact.
    static func forgetContact(_ id: String, on engine: Engine) async throws {
        _ = try await execute(
            #"{"type": "ForgetContact", "actor": "dpo", "data": {"contactId": "\#(id)", "reason": "request 7"}}"#,
            on: engine
        )
    }

    /// Forgets a lead.
    static func forgetLead(_ id: String, on engine: Engine) async throws {
        _ = try await execute(
            #"{"type": "ForgetLead", "actor": "dpo", "data": {"leadId": "\#(id)", "reason": "request 8"}}"#,
            on: engine
        )
    }

    /// Every file of a directory, recursively, with its bytes.
    static func files(in directory: String) throws -> [(path: String, bytes: [UInt8])] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [(String, [UInt8])] = []
        while let name = enumerator?.nextObject() as? String {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files.append((path, Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        }
        return files
    }

    /// Where a text occurs: every file's raw bytes, and every log record's decompressed stream, type, metadata
    /// and payload.
    static func occurrences(of text: String, in directory: String) throws -> [String] {
        let needle = Array(text.utf8)
        var found: [String] = []
        for (path, bytes) in try files(in: directory) where contains(bytes[...], needle) {
            found.append(path)
        }
        let log = try EventLog.openForReading(directory: directory)
        try log.scan { view in
            let parts = [
                Array(view.streamId.utf8), Array(view.typeBytes), Array(view.metadataBytes), Array(view.payloadBytes),
            ]
            if parts.contains(where: { contains($0[...], needle) }) {
                found.append("record at position \(view.position)")
            }
            return true
        }
        return found
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = haystack.startIndex
        while let start = haystack[index...].firstIndex(of: first) {
            if haystack[start...].starts(with: needle) { return true }
            index = start + 1
            if haystack.endIndex - index < needle.count { return false }
        }
        return false
    }

    /// The account the demo history opened first.
    private static func requireAccount(in engine: Engine) throws -> String {
        guard let account = engine.decisionState.accounts.keys.map(\.text).sorted().first else {
            throw RapportError(.invalidInput, "the demo history opened no account")
        }
        return account
    }
}
