import Foundation
import RapportCRM
import RapportTime
import Testing

struct CommandEnvelopeTests {
    /// The data of a valid OpenAccount, to build commands around.
    static let accountData = #"{"accountId":"acme","name":"Acme","ownerId":"user-7"}"#

    /// A valid OpenAccount with only the required fields.
    static let minimal = #"{"type":"OpenAccount","actor":"user-7","data":\#(accountData)}"#

    /// An OpenAccount with one field of its data set to the given JSON text, added or in place of the valid one.
    static func openAccount(_ field: String, _ value: String) -> String {
        var fields = [("accountId", #""acme""#), ("name", #""Acme""#), ("ownerId", #""u""#)]
        fields.removeAll { $0.0 == field }
        fields.append((field, value))
        let data = fields.map { #""\#($0.0)":\#($0.1)"# }.joined(separator: ",")
        return #"{"type":"OpenAccount","actor":"u","data":{\#(data)}}"#
    }

    @Test func readsEveryEnvelopeField() throws {
        let json = """
            {"type":"OpenAccount","actor":"user-7","commandId":"cmd-1","expectedVersion":0,
             "occurredAt":"2025-02-03T10:00:00+01:00","correlationId":"corr-1","causationId":"cause-1",
             "data":{"accountId":"acme","name":"Acme","type":"Customer","industry":"Manufacturing","ownerId":"user-7",
                     "parentAccountId":"group","website":"https://acme.example","annualRevenue":1250000.5,
                     "employees":420,"billingCountry":"Germany","territory":"EMEA"}}
            """
        let envelope = try CommandEnvelope.decode(json: Array(json.utf8))
        #expect(envelope.actor == "user-7")
        #expect(envelope.commandId == "cmd-1")
        #expect(envelope.expectedVersion == 0)
        #expect(envelope.occurredAt == Timestamp(rfc3339: "2025-02-03T09:00:00Z"))
        #expect(envelope.correlationId == "corr-1")
        #expect(envelope.causationId == "cause-1")
        #expect(envelope.command.commandType == "OpenAccount")
        #expect(envelope.command.target == StreamName(.account, try RecordId("acme")))
        let expected = OpenAccount(
            accountId: try RecordId("acme"),
            name: "Acme",
            type: "Customer",
            industry: "Manufacturing",
            ownerId: try RecordId("user-7"),
            parentAccountId: try RecordId("group"),
            website: "https://acme.example",
            annualRevenue: Money(tenThousandths: 12_500_005_000),
            employees: 420,
            billingCountry: "Germany",
            territory: "EMEA"
        )
        #expect(envelope.command == .account(.open(expected)))
    }

    @Test func leavesOutOptionalEnvelopeFields() throws {
        let envelope = try CommandEnvelope.decode(json: Array(Self.minimal.utf8))
        #expect(envelope.commandId == nil)
        #expect(envelope.expectedVersion == nil)
        #expect(envelope.occurredAt == nil)
        #expect(envelope.correlationId == nil)
        #expect(envelope.causationId == nil)
    }

    @Test func readsACommandOfExactlyTheLargestSize() throws {
        let padding = String(repeating: " ", count: CommandEnvelope.maximumJSONSize - Self.minimal.utf8.count)
        let json = Array((Self.minimal + padding).utf8)
        #expect(json.count == CommandEnvelope.maximumJSONSize)
        #expect(try CommandEnvelope.decode(json: json).actor == "user-7")
    }

    @Test func refusesACommandLargerThanOneMebibyte() {
        let padding = String(repeating: " ", count: CommandEnvelope.maximumJSONSize + 1 - Self.minimal.utf8.count)
        let refusal = Self.refusal(Self.minimal + padding, code: .commandTooLarge)
        #expect(refusal?.message.contains("\(CommandEnvelope.maximumJSONSize + 1) bytes") == true)
    }

    @Test func writesJSONThatReadsBackTheSameEnvelope() throws {
        let envelope = CommandEnvelope(
            OpenAccount(
                accountId: try RecordId("acme"),
                name: "Acme \"Ltd\" / 日本",
                ownerId: try RecordId("user-7"),
                parentAccountId: try RecordId("group"),
                annualRevenue: Money(tenThousandths: 9_999_999_999_999_999),
                employees: 0
            ).command,
            actor: "user-7",
            commandId: "cmd-1",
            expectedVersion: 3,
            occurredAt: Timestamp(rfc3339: "2025-02-03T10:00:00.123456Z"),
            correlationId: "corr-1",
            causationId: "cause-1"
        )
        let json = try envelope.encodedJSON()
        #expect(try CommandEnvelope.decode(json: json) == envelope)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""annualRevenue":999999999999.9999"#))
        #expect(text.contains(#""occurredAt":"2025-02-03T10:00:00.123456Z""#))
    }

    @Test func writesOnlyTheFieldsItHas() throws {
        let envelope = try CommandEnvelope.decode(json: Array(Self.minimal.utf8))
        let text = String(decoding: try envelope.encodedJSON(), as: UTF8.self)
        #expect(
            text
                == #"{"actor":"user-7","data":{"accountId":"acme","name":"Acme","ownerId":"user-7"},"type":"OpenAccount"}"#
        )
    }

    @Test func givesItsIdsToTheMetadataOfItsEvents() {
        let command = OpenAccount(accountId: RecordId(unchecked: "a"), name: "A", ownerId: RecordId(unchecked: "u"))
        let plain = CommandEnvelope(command.command, actor: "u", commandId: "c")
        #expect(
            plain.metadata(schemaVersion: 2)
                == EventMetadata(
                    schemaVersion: 2,
                    actor: "u",
                    commandId: "c",
                    correlationId: "c",
                    causationId: "c"
                )
        )
        let traced = CommandEnvelope(command.command, actor: "u", commandId: "c", correlationId: "r", causationId: "e")
        #expect(
            traced.metadata(schemaVersion: 1)
                == EventMetadata(
                    schemaVersion: 1,
                    actor: "u",
                    commandId: "c",
                    correlationId: "r",
                    causationId: "e"
                )
        )
        #expect(
            CommandEnvelope(command.command, actor: "u").metadata(schemaVersion: 1)
                == EventMetadata(
                    schemaVersion: 1,
                    actor: "u"
                )
        )
    }

    /// Decodes a command that must be refused and checks the code, the field, and that the message names the field.
    @discardableResult
    static func refusal(
        _ json: String,
        code: DomainError.Code,
        field: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DomainError? {
        refusal(bytes: Array(json.utf8), code: code, field: field, sourceLocation: sourceLocation)
    }

    /// Decodes bytes that must be refused and checks the code, the field, and that the message names the field.
    @discardableResult
    static func refusal(
        bytes: [UInt8],
        code: DomainError.Code,
        field: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> DomainError? {
        do {
            let envelope = try CommandEnvelope.decode(json: bytes)
            Issue.record("expected \(code), read \(envelope)", sourceLocation: sourceLocation)
        } catch let refusal as DomainError {
            #expect(refusal.code == code, "\(refusal)", sourceLocation: sourceLocation)
            #expect(!refusal.message.isEmpty, sourceLocation: sourceLocation)
            if let field {
                #expect(refusal.field == field, "\(refusal)", sourceLocation: sourceLocation)
                #expect(refusal.message.hasPrefix(field), "\(refusal)", sourceLocation: sourceLocation)
            }
            return refusal
        } catch {
            Issue.record("expected a DomainError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
