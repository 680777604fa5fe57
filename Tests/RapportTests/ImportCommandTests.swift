import Foundation
import RapportTestSupport
import Testing

/// `rapport import` end to end: the built executable on the shipped mapping and on malformed files.
struct ImportCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func files(_ summary: [String: Any]) throws -> [String: [String: Any]] {
        let files = try #require(summary["files"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: files.map { ($0["file"] as? String ?? "", $0) })
    }

    /// Writes a mapping into `data`, imports `source` with it into `data`/log with its reports in `data`/out, and
    /// returns each file's summary.
    private func importFiles(_ mapping: String, source: String, into data: String) throws -> [String: [String: Any]] {
        try Data(mapping.utf8).write(to: URL(fileURLWithPath: data + "/mapping.json"))
        let outcome = try RapportProcess.run([
            "import", "--mapping", data + "/mapping.json", "--source", source, "--data", data + "/log", "--json",
            "--out", data + "/out",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return try files(try json(outcome.standardOutput))
    }

    /// Writes `data`/source with accounts.csv holding the account a1 and one more file given as its lines.
    private func sourceWithAccountA1(in data: String, _ file: String, lines: [String]) throws -> String {
        let source = data + "/source"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        try Data("id,name\na1,Acme\n".utf8).write(to: URL(fileURLWithPath: source + "/accounts.csv"))
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: source + "/" + file))
        return source
    }

    /// The mapping of the accounts file ``sourceWithAccountA1(in:_:lines:)`` writes, then `file`'s mapping.
    private func mappingWithAccounts(then file: String) -> String {
        """
        {"name": "t", "actor": "importer", "files": [
          {"file": "accounts.csv", "record": "account", "externalId": "id",
           "fields": {"name": "name", "ownerId": {"constant": "u-1"}}},
          \(file)]}
        """
    }

    /// The row number and error code of every row of an error file.
    private func errorRows(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
    }

    @Test func importsTheSalesPipelineAndAppendsNothingTheSecondTime() async throws {
        let deals = try ImportDatasets.rows(ImportDatasets.source("maven-crm") + "/sales_pipeline.csv")
        try await withTemporaryDirectory { data in
            let arguments = [
                "import", "--mapping", ImportDatasets.mapping("maven-crm"), "--source",
                ImportDatasets.source("maven-crm"), "--data", data, "--json",
            ]
            let first = try RapportProcess.run(arguments + ["--out", data + "/first"])
            #expect(first.status == 0, "\(first.standardError)")
            let summary = try json(first.standardOutput)
            let pipeline = try #require(try files(summary)["sales_pipeline.csv"])
            #expect(pipeline["read"] as? Int == deals.count)
            #expect(pipeline["failed"] as? Int == deals.filter { $0["account"] == "" }.count)
            #expect(pipeline["balanced"] as? Bool == true)
            #expect((summary["rowsPerSecond"] as? Double ?? 0) > 0)
            let errors = try ImportDatasets.outputRows(data + "/first/sales_pipeline.errors.csv")
            #expect(errors.count == pipeline["failed"] as? Int)
            let second = try RapportProcess.run(arguments + ["--out", data + "/second"])
            #expect(second.status == 0, "\(second.standardError)")
            let again = try json(second.standardOutput)
            #expect(again["events"] as? Int == 0)
            #expect(again["logEnd"] as? Int == summary["logEnd"] as? Int)
            let text = try RapportProcess.run([
                "import", "--mapping", ImportDatasets.mapping("maven-crm"), "--source",
                ImportDatasets.source("maven-crm"), "--data", data, "--dry-run",
            ])
            #expect(text.status == 0)
            #expect(text.standardOutput.contains("dry run, nothing written"))
            #expect(text.standardOutput.contains("rows/s"))
        }
    }

    /// Every malformed row is reported on its own row of the error file, with its code; the good rows load.
    @Test func reportsMalformedRowsOneByOne() async throws {
        try await withTemporaryDirectory { data in
            let source = data + "/source"
            try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
            var bytes = Array("id,name,employees,since\n".utf8)
            bytes += Array("a1,Acme,10,2016-01-31\n".utf8)
            bytes += Array("a2,Glo\"bex,5,2016-01-31\n".utf8)
            bytes += Array("a3,Initech,7\n".utf8)
            bytes += Array("a4,Umbrella,many,2016-01-31\n".utf8)
            bytes += Array("a5,Hooli,3,2016-02-30\n".utf8)
            bytes += Array("a6,Stark".utf8) + [0xC3, 0x28] + Array(",3,2016-01-31\n".utf8)
            bytes += Array("a1,Acme again,10,2016-01-31\n".utf8)
            bytes += Array("a7,\"Wayne, Enterprises\",4,2016-01-31\n".utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: source + "/accounts.csv"))
            let mapping = """
                {"name": "t", "actor": "importer", "files": [{"file": "accounts.csv", "record": "account",
                 "externalId": "id", "fields": {"name": "name", "ownerId": {"constant": "u-1"},
                 "employees": "employees", "openedAt": {"column": "since", "format": "yyyy-MM-dd"}}}]}
                """
            let file = try #require(try importFiles(mapping, source: source, into: data)["accounts.csv"])
            #expect(file["read"] as? Int == 8)
            #expect(file["created"] as? Int == 2)
            #expect(file["failed"] as? Int == 6)
            let errors = try errorRows(data + "/out/accounts.errors.csv")
            #expect(
                errors == [
                    "3,csv_bad_quote", "4,csv_column_count", "5,invalid_number", "6,invalid_date", "7,csv_invalid_utf8",
                    "8,duplicate_external_id",
                ]
            )
        }
    }

    /// Deal rows are read ahead of the rows being decided; a row with several problems still fails on the first one
    /// in the order the rules are checked (stage, then account, then the other fields), on either side of a chunk.
    @Test func dealRowsReadAheadFailOnTheirFirstProblem() async throws {
        try await withTemporaryDirectory { data in
            var deals = ["id,account,stage,closes,value"]
            deals += (0..<2046).map { "d\($0),a1,Prospecting,2017-01-31,100" }
            deals += [
                "bad-1,zz,Won,2017-13-40,100", "bad-2,zz,Nope,2017-01-31,100", "bad-3,a1,Won,2017-13-40,100",
                "bad-4,,Won,2017-01-31,100", "good,a1,Won,2017-01-31,250",
            ]
            let source = try sourceWithAccountA1(in: data, "deals.csv", lines: deals)
            let mapping = mappingWithAccounts(
                then: """
                    {"file": "deals.csv", "record": "opportunity", "externalId": "id",
                     "fields": {"name": {"constant": "Deal"}, "ownerId": {"constant": "u-1"},
                                "stage": {"column": "stage", "values": {"Won": "Closed Won"}},
                                "openingStage": {"constant": "Qualification"},
                                "closeDate": {"column": "closes", "format": "yyyy-MM-dd"}, "amount": "value"},
                     "parent": {"column": "account", "by": "externalId"}}
                    """
            )
            let file = try #require(try importFiles(mapping, source: source, into: data)["deals.csv"])
            #expect(file["created"] as? Int == 2047)
            #expect(file["failed"] as? Int == 4)
            let errors = try errorRows(data + "/out/deals.errors.csv")
            #expect(
                errors == ["2048,parent_not_found", "2049,invalid_stage", "2050,invalid_date", "2051,parent_missing"]
            )
        }
    }

    /// Two external ids that make one record id through the slug transform are one deal: the second row changes
    /// it, and the amounts count the deal once, at its first row in the source and at what the log holds, so the
    /// import does not balance and says so by its exit status.
    @Test func dealsMadeOneBySlugsAreCountedOnceInTheAmounts() async throws {
        try await withTemporaryDirectory { data in
            let deals = ["id,account,value", "Big Deal,a1,100", "big-deal,a1,250", "Other,a1,40"]
            let source = try sourceWithAccountA1(in: data, "deals.csv", lines: deals)
            let mapping = mappingWithAccounts(
                then: """
                    {"file": "deals.csv", "record": "opportunity",
                     "externalId": {"column": "id", "transform": "slug"},
                     "fields": {"name": {"constant": "Deal"}, "ownerId": {"constant": "u-1"},
                                "stage": {"constant": "Prospecting"},
                                "closeDate": {"constant": "2017-01-31", "format": "yyyy-MM-dd"}, "amount": "value"},
                     "parent": {"column": "account", "by": "externalId"}}
                    """
            )
            try Data(mapping.utf8).write(to: URL(fileURLWithPath: data + "/mapping.json"))
            let outcome = try RapportProcess.run([
                "import", "--mapping", data + "/mapping.json", "--source", source, "--data", data + "/log", "--json",
            ])
            #expect(outcome.status == 1)
            let summary = try json(outcome.standardOutput)
            #expect(summary["balanced"] as? Bool == false)
            let file = try #require(try files(summary)["deals.csv"])
            #expect(file["created"] as? Int == 2)
            #expect(file["updated"] as? Int == 1)
            let amounts = try #require(file["amounts"] as? [String: Any])
            #expect(amounts["source"] as? Double == 390)
            #expect(amounts["sourceLoaded"] as? Double == 140)
            #expect(amounts["log"] as? Double == 290)
            #expect(amounts["balanced"] as? Bool == false)
        }
    }

    /// A case escalates the first time an update says `Escalated` (Rapport keeps it escalated, so a later one adds
    /// nothing), with the mapping's reason; a status or priority Rapport does not know fails its row, naming the
    /// ones it knows.
    @Test func caseUpdatesEscalateOnceAndRefuseUnknownStatusesAndPriorities() async throws {
        try await withTemporaryDirectory { data in
            let updates = [
                "number,seq,account,opened,updated,state,priority,subject",
                "c1,1,a1,2020-01-01 09:00,2020-01-01 09:00,New,High,Printer",
                "c1,2,a1,2020-01-01 09:00,2020-01-01 10:00,Escalated,High,Printer",
                "c1,3,a1,2020-01-01 09:00,2020-01-01 11:00,Working,High,Printer",
                "c1,4,a1,2020-01-01 09:00,2020-01-01 12:00,Escalated,High,Printer",
                "c1,5,a1,2020-01-01 09:00,2020-01-01 13:00,Resolved,High,Printer",
                "c2,1,a1,2020-01-01 09:00,2020-01-01 09:00,Pending,High,Fax",
                "c3,1,a1,2020-01-01 09:00,2020-01-01 09:00,New,Urgent,Modem",
            ]
            let source = try sourceWithAccountA1(in: data, "cases.csv", lines: updates)
            let mapping = mappingWithAccounts(
                then: """
                    {"file": "cases.csv", "record": "caseUpdate", "externalId": "number",
                     "fields": {"sequence": "seq", "status": "state", "priority": "priority", "subject": "subject",
                                "openedAt": {"column": "opened", "format": "yyyy-MM-dd HH:mm"},
                                "updatedAt": {"column": "updated", "format": "yyyy-MM-dd HH:mm"},
                                "escalationReason": {"constant": "The customer escalated"}},
                     "parent": {"column": "account", "by": "externalId"}}
                    """
            )
            let file = try #require(try importFiles(mapping, source: source, into: data)["cases.csv"])
            #expect(file["failed"] as? Int == 2)
            #expect(try errorRows(data + "/out/cases.errors.csv") == ["7,invalid_status", "8,invalid_priority"])
            let errorText = try String(contentsOfFile: data + "/out/cases.errors.csv", encoding: .utf8)
            #expect(errorText.contains("(New, Working, Escalated, On Hold, Resolved, Closed)"))
            #expect(errorText.contains("(Critical, High, Medium, Low)"))
            let events = try RapportProcess.run(["events", "--data", data + "/log", "--stream", "case-c1"])
            #expect(events.status == 0, "\(events.standardError)")
            let lines = events.standardOutput.split(separator: "\n").map { try? json(String($0)) }
            #expect(
                lines.map { $0?["type"] as? String }
                    == ["CaseOpened", "CaseResponseRecorded", "CaseEscalated", "CaseResolved"]
            )
            let escalation = try #require(lines[2]?["data"] as? [String: Any])
            #expect(escalation["reason"] as? String == "The customer escalated")
        }
    }

    @Test func refusesABrokenMappingNamingTheField() async throws {
        try await withTemporaryDirectory { data in
            try Data(#"{"name": "t", "actor": "a", "files": [], "colour": "red"}"#.utf8)
                .write(to: URL(fileURLWithPath: data + "/mapping.json"))
            let outcome = try RapportProcess.run([
                "import", "--mapping", data + "/mapping.json", "--data", data + "/log",
            ])
            #expect(outcome.status != 0)
            #expect(outcome.standardError.contains("colour is not a mapping field"))
        }
    }
}
