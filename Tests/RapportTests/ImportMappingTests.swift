import Foundation
import Testing

@testable import Rapport

private let accountFile = """
    {"file": "a.csv", "record": "account", "externalId": "id",
     "fields": {"name": "name", "ownerId": {"constant": "u-1"}}}
    """

struct ImportMappingTests {
    private func decode(_ text: String) throws -> ImportMapping {
        try ImportMapping.decode(Array(text.utf8))
    }

    @Test func readsJSONAndTheSameMappingInYAML() throws {
        let json = try decode(#"{"name": "m", "actor": "importer", "files": [\#(accountFile)]}"#)
        let yaml = try decode(
            """
            name: m
            actor: importer
            files:
              - file: a.csv
                record: account
                externalId: id
                fields:
                  name: name
                  ownerId: {constant: u-1}
            """
        )
        #expect(json.fileNames == ["a.csv"])
        #expect(yaml.fileNames == json.fileNames)
        #expect(yaml.files[0].fields["ownerId"]?.constant == "u-1")
    }

    /// A broken mapping is refused with the code and the path of the field that breaks the rule.
    @Test(
        arguments: [
            (#"{"name": "m", "actor": "a", "files": [], "extra": 1}"#, "unknown_field", "extra"),
            (#"{"actor": "a", "files": [\#(accountFile)]}"#, "missing_field", "name"),
            (#"{"name": "m n", "actor": "a", "files": [\#(accountFile)]}"#, "invalid_mapping", "name"),
            (#"{"name": "m", "actor": "a", "files": []}"#, "invalid_mapping", "files"),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "a.csv", "record": "lead", "externalId": "id"}]}"#,
                "invalid_mapping", "files[0].record"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "a.csv", "record": "account", "externalId": "id", "fields": {"name": "n", "ownerId": "o", "colour": "c"}}]}"#,
                "unknown_field", "files[0].fields.colour"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "a.csv", "record": "account", "externalId": "id", "fields": {"name": "n"}}]}"#,
                "missing_field", "files[0].fields.ownerId"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "a.csv", "record": "opportunity", "externalId": "id", "fields": {"name": "n", "ownerId": "o", "stage": "s", "closeDate": "d"}}]}"#,
                "invalid_mapping", "files[0].fields.closeDate"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "a.csv", "record": "opportunity", "externalId": "id", "fields": {"name": "n", "ownerId": "o", "stage": "s", "closeDate": {"column": "d", "format": "dd.yy"}}}]}"#,
                "invalid_mapping", "files[0].fields.closeDate.format"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "a.csv", "record": "opportunity", "externalId": "id", "fields": {"name": "n", "ownerId": "o", "stage": "s", "closeDate": {"column": "d", "format": "yyyy-MM-dd"}}, "parent": {"column": "acc", "by": "name", "file": "accounts.csv"}}]}"#,
                "invalid_mapping", "files[0].parent.file"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "a.csv", "record": "account", "externalId": "id", "fields": {"name": {"column": "n", "constant": "c"}, "ownerId": "o"}}]}"#,
                "invalid_mapping", "files[0].fields.name"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [\#(accountFile), \#(accountFile)]}"#, "invalid_mapping",
                "files[1]"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "e.csv", "record": "event", "externalId": "eventId", "fields": {}}]}"#,
                "invalid_mapping", "files[0].fields"
            ),
            (
                #"{"name": "m", "actor": "a", "files": [{"file": "e.csv", "record": "event", "externalId": "eventId", "parent": {"account": "a"}}]}"#,
                "invalid_mapping", "files[0].parent"
            ),
            ("name: [unclosed", "invalid_mapping", nil),
        ] as [(String, String, String?)]
    )
    func refusesABrokenMappingNamingTheField(text: String, code: String, field: String?) {
        #expect {
            try decode(text)
        } throws: { error in
            guard let problem = error as? ImportProblem else { return false }
            return problem.code == code && problem.field == field && problem.message.contains(field ?? "mapping")
        }
    }

    @Test func loadNamesTheFileOfABrokenMappingAndAMissingOne() throws {
        #expect(throws: RapportError.self) { try ImportMapping.load("/nonexistent/mapping.json") }
        let path = NSTemporaryDirectory() + "rapport-mapping-\(UUID().uuidString).json"
        try Data(#"{"name": "m"}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ImportMapping.load(path)
        } throws: { error in
            (error as? RapportError)?.message.contains("mapping file \(path): actor is required") == true
        }
    }

    @Test func theShippedMappingsAreValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for name in ["maven-crm", "incident-log", "rapport-export"] {
            let mapping = try ImportMapping.load(root.appendingPathComponent("tools/mappings/\(name).json").path)
            #expect(mapping.name == name)
        }
    }
}
