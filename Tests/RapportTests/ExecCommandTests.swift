import Foundation
import RapportTestSupport
import Testing

/// `rapport exec`, `show` and `events` run end to end as a user runs them.
struct ExecCommandTests {
    static let commands = [
        #"{"type":"OpenAccount","actor":"u1","data":{"accountId":"acme","name":"Acme","ownerId":"u1","industry":"Retail"}}"#,
        #"{"type":"AddContact","actor":"u1","commandId":"add-ada","data":{"contactId":"ada","accountId":"acme","firstName":"Ada","lastName":"Lovelace","email":"ada@acme.example"}}"#,
        #"{"type":"AddContact","actor":"u1","data":{"contactId":"bob","accountId":"acme","lastName":"Bob","email":"ADA@acme.example"}}"#,
        "",
        #"{"type":"AddContact","actor":"u1","commandId":"add-ada","data":{"contactId":"ada","accountId":"acme","firstName":"Ada","lastName":"Lovelace","email":"ada@acme.example"}}"#,
        #"{"type":"OpenCase","actor":"u1","data":{"caseId":"k1","accountId":"acme","subject":"Broken","priority":"Urgent"}}"#,
        #"{"type":"UpdateAccount","actor":"u1","expectedVersion":1,"data":{"accountId":"acme","industry":"Finance"}}"#,
        #"{"type":"UpdateAccount","actor":"u1","expectedVersion":1,"data":{"accountId":"acme","industry":"Energy"}}"#,
        "{not json",
    ].joined(separator: "\n")

    @Test func execPrintsOneResultPerCommandInOrderAndFailsWhenAnyIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let run = try RapportProcess.run(["exec", "--data", directory], input: Self.commands)
            #expect(run.status == 1)
            #expect(run.standardError.contains("4 of 8 commands were refused"))
            let results = try run.outputLines.map(JSONLine.init)
            #expect(results.count == 8)
            #expect(results.map { $0["ok"] as? Bool } == [true, true, false, true, false, true, false, false])
            #expect(results[0]["events"] as? [Int] == [0])
            #expect(results[1]["events"] as? [Int] == [1])
            #expect(results[3]["events"] as? [Int] == [1], "the repeated command id returns the first result")
            #expect(results[5]["events"] as? [Int] == [2])
            let errors = results.map { $0["error"] as? [String: Any] }
            #expect(errors[2]?["code"] as? String == "duplicate_contact_email")
            #expect(errors[2]?["field"] as? String == "data.email")
            #expect(errors[4]?["code"] as? String == "invalid_field")
            #expect(errors[4]?["field"] as? String == "data.priority")
            #expect(errors[6]?["code"] as? String == "version_conflict")
            #expect(errors[6]?["currentVersion"] as? Int == 2)
            #expect(errors[7]?["code"] as? String == "malformed_command")
        }
    }

    @Test func execReadsAFileAndShowAndEventsReadTheRecordsBack() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/commands.jsonl"
            try Self.commands.write(toFile: file, atomically: true, encoding: .utf8)
            let data = directory + "/data"
            _ = try RapportProcess.run(["exec", "--data", data, "--file", file])

            let shown = try RapportProcess.run(["show", "--data", data, "account-acme"])
            #expect(shown.status == 0, "\(shown.standardError)")
            let account = try JSONLine(shown.outputLines.first ?? "")
            #expect(account["version"] as? Int == 2)
            #expect((account["fields"] as? [String: Any])?["industry"] as? String == "Finance")
            #expect((account["state"] as? [String: Any])?["contacts"] as? [String] == ["ada"])

            let missing = try RapportProcess.run(["show", "--data", data, "account-nobody"])
            #expect(missing.status != 0)
            #expect(missing.standardError.contains("does not exist"))
            let malformed = try RapportProcess.run(["show", "--data", data, "customer-7"])
            #expect(malformed.status != 0)
            #expect(malformed.standardError.contains("invalid_stream_name"))

            let events = try RapportProcess.run(["events", "--data", data, "--stream", "contact-ada"])
            let lines = try events.outputLines.map(JSONLine.init)
            #expect(lines.count == 1)
            #expect(lines.first?["type"] as? String == "ContactAdded")
            #expect(lines.first?["commandid"] as? String == "add-ada")
            #expect(lines.first?["subject"] as? String == "contact-ada")
            let all = try RapportProcess.run(["events", "--data", data, "--from", "1", "--limit", "1"])
            #expect(try all.outputLines.map(JSONLine.init).map { $0["position"] as? Int } == [1])
        }
    }

    @Test func execTakesTheStagesOfAConfigurationFile() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = directory + "/crm.json"
            try #"{"salesStages":[{"name":"Lead","probability":5,"forecastCategory":"Pipeline"},"#
                .appending(#"{"name":"Won","probability":100,"forecastCategory":"Closed","closed":true,"won":true},"#)
                .appending(#"{"name":"Lost","probability":0,"forecastCategory":"Omitted","closed":true}]}"#)
                .write(toFile: configuration, atomically: true, encoding: .utf8)
            let open =
                #"{"type":"OpenAccount","actor":"u1","data":{"accountId":"a","name":"A","ownerId":"u1"}}"# + "\n"
                + #"{"type":"OpenOpportunity","actor":"u1","data":{"opportunityId":"o","accountId":"a","name":"D","closeDate":"2026-01-31","ownerId":"u1"}}"#
            let data = directory + "/data"
            let run = try RapportProcess.run(["exec", "--data", data, "--config", configuration], input: open)
            #expect(run.status == 0, "\(run.standardError)")
            let events = try RapportProcess.run(["events", "--data", data, "--stream", "opportunity-o"])
            let opened = try JSONLine(events.outputLines.first ?? "")
            let fields = opened["data"] as? [String: Any]
            #expect(fields?["stage"] as? String == "Lead")
            #expect(fields?["probability"] as? Int == 5)

            try #"{"salesStages":[{"name":"Lead","probability":500,"forecastCategory":"Pipeline"}]}"#
                .write(toFile: configuration, atomically: true, encoding: .utf8)
            let refused = try RapportProcess.run(["exec", "--data", data, "--config", configuration], input: open)
            #expect(refused.status != 0)
            #expect(refused.standardError.contains("salesStages[0].probability"))
            #expect(refused.outputLines.isEmpty)
        }
    }

    @Test func execOnAMissingFileNamesIt() async throws {
        try await withTemporaryDirectory { directory in
            let run = try RapportProcess.run(["exec", "--data", directory, "--file", directory + "/absent.jsonl"])
            #expect(run.status != 0)
            #expect(run.standardError.contains("absent.jsonl"))
        }
    }
}
