import Foundation
import RapportCRM
import Testing

struct CommandListDecodingTests {
    static let open = #"{"type":"OpenAccount","actor":"u","data":{"accountId":"a1","name":"A","ownerId":"u"}}"#

    @Test func aListOfCommandsDecodesInOrder() throws {
        let second = #"{"type":"DeactivateAccount","actor":"u","data":{"accountId":"a1"}}"#
        let envelopes = try CommandEnvelope.decodeList(json: Data(" [ \(Self.open) ,\n\(second) ] ".utf8))
        #expect(envelopes.map(\.command.commandType) == ["OpenAccount", "DeactivateAccount"])
    }

    @Test func anEmptyListDecodesToNoCommands() throws {
        #expect(try CommandEnvelope.decodeList(json: Data("[ ]".utf8)).isEmpty)
    }

    @Test(
        arguments: [
            ("{}", nil),
            ("[", nil),
            ("[1]", "[0]"),
            ("[\(open), \"x\"]", "[1]"),
            ("[\(open)] extra", nil),
            ("[\(open),]", "[1]"),
            (#"[{"type":"A","type":"B"}]"#, "[0].type"),
        ] as [(String, String?)]
    )
    func malformedListsAreRefusedNamingTheElement(text: String, field: String?) {
        #expect {
            _ = try CommandEnvelope.decodeList(json: Data(text.utf8))
        } throws: { error in
            guard let refusal = error as? DomainError else { return false }
            return refusal.code == .malformedCommand && refusal.field == field
        }
    }

    @Test func anElementBreakingARuleIsNamedByItsIndex() {
        let misspelled = #"{"type":"OpenAccount","actor":"u","data":{"accountId":"a1","name":"A","ownerId":"u","x":1}}"#
        #expect {
            _ = try CommandEnvelope.decodeList(json: Data("[\(Self.open),\(misspelled)]".utf8))
        } throws: { error in
            guard let refusal = error as? DomainError else { return false }
            return refusal.code == .unknownField && refusal.field == "[1].data.x"
                && refusal.message.hasPrefix("command 1 of the list: ")
        }
    }
}
