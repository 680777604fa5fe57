import RapportCRM
import Testing

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
}
