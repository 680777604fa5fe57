import PropertyBased
import Testing

@testable import RapportCRM

/// The email rule every email field follows, through AddContact.
struct EmailRuleTests {
    private func addContact(email: String) -> String {
        #"{"type":"AddContact","actor":"u1","data":{"contactId":"c","accountId":"acme","lastName":"X","email":"\#(email)"}}"#
    }

    private func domainWithAccount() throws -> Decisions {
        var domain = Decisions()
        try domain.run(#"{"type":"OpenAccount","actor":"u1","data":{"accountId":"acme","name":"Acme","ownerId":"u1"}}"#)
        return domain
    }

    @Test(arguments: ["ada@acme.example", "ADA.King+crm@mail.acme.example", "zoë@acme.example"])
    func acceptsAddresses(email: String) throws {
        var domain = try domainWithAccount()
        #expect(try domain.run(addContact(email: email)).count == 1)
    }

    @Test(arguments: [
        "ada smith@acme.example", "ada@acme .example", "ada@acme.example\\u00a0", "ada@acme\\u2003.example",
        "@acme.example", "ada@", "ada@acme", "ada@.acme.example", "ada@acme.example.", "ada@@acme.example",
    ])
    func refusesOthersNamingTheField(email: String) throws {
        var domain = try domainWithAccount()
        domain.expectRefusal(addContact(email: email), code: .invalidField, field: "data.email")
    }

    /// Texts made mostly of the characters the rule looks at, ASCII or not, so that every branch is met often.
    private static let candidates = Gen<Character?>.element(of: Array("a.@ b.@é\u{00A0}.\u{0301}")).map { $0! }
        .string(of: 0...12)

    @Test func agreesWithTheRuleReadCharacterByCharacter() async {
        await propertyCheck(count: 2_000, input: Self.candidates) { text in
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            let expected =
                parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
                && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
                && text.contains(where: { !$0.isWhitespace })
            let accepted = (try? FieldRules.email(text, field: "data.email")) != nil
            #expect(accepted == expected, "\(text.debugDescription)")
        }
    }
}
