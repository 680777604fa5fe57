import RapportCRM
import Testing

/// A record id known to be valid.
private func id(_ text: String) -> RecordId {
    try! RecordId(text)
}

struct ContactDecisionTests {
    typealias Commands = AccountTestCommands

    /// Accounts `acme` and `globex`, and the contact `ann` at acme.
    private static func domainWithAnn() throws -> Decisions {
        var domain = try Commands.domain([("acme", nil), ("globex", nil)])
        try domain.run(
            Commands.json(
                "AddContact",
                #""contactId":"ann","accountId":"acme","firstName":"Ann","lastName":"Lee","email":"Ann@Acme.example","#
                    + #""phone":"+49 30 1234","title":"Buyer""#
            )
        )
        return domain
    }

    @Test func addContactRecordsItsFieldsAndLinksTheAccount() throws {
        var domain = try Commands.domain([("acme", nil)])
        let events = try domain.run(
            Commands.json(
                "AddContact",
                #""contactId":"ann","accountId":"acme","firstName":"Ann","lastName":"Lee","email":"Ann@Acme.example","#
                    + #""phone":"+49 30 1234","title":"Buyer""#
            )
        )
        let expected = ContactAdded(
            accountId: id("acme"),
            firstName: "Ann",
            lastName: "Lee",
            email: "Ann@Acme.example",
            phone: "+49 30 1234",
            title: "Buyer"
        )
        #expect(events == [NewEvent(id("ann"), .contact(.added(expected)))])
        let ann = try #require(domain.state.contacts[id("ann")])
        #expect(ann.version == 1)
        #expect(ann.accountId == id("acme"))
        #expect(ann.email == "Ann@Acme.example")
        #expect(ann.title == TextDigest("Buyer"))
        #expect(domain.state.accounts[id("acme")]?.contacts == [id("ann")])
        #expect(domain.state.accounts[id("acme")]?.contactEmails == ["ann@acme.example": id("ann")])
    }

    @Test func addContactWithOnlyALastName() throws {
        var domain = try Commands.domain([("acme", nil)])
        let events = try domain.run(
            Commands.json("AddContact", #""contactId":"bob","accountId":"acme","lastName":"Roe""#)
        )
        #expect(events == [NewEvent(id("bob"), .contact(.added(ContactAdded(accountId: id("acme"), lastName: "Roe"))))])
        #expect(domain.state.accounts[id("acme")]?.contactEmails.isEmpty == true)
    }

    @Test func theSameEmailAtAnotherAccountIsNoDuplicate() throws {
        var domain = try Self.domainWithAnn()
        try domain.run(Commands.addContact("ann-2", to: "globex", email: "ann@acme.example"))
    }

    static let addRefusals: [(String, DomainError.Code, String)] = [
        (#""contactId":"ann","accountId":"acme","lastName":"X""#, .contactExists, "data.contactId"),
        (#""contactId":"bob","accountId":"nowhere","lastName":"X""#, .accountNotFound, "data.accountId"),
        (#""contactId":"bob","accountId":"merged","lastName":"X""#, .accountMerged, "data.accountId"),
        (#""contactId":"bob","accountId":"inactive","lastName":"X""#, .accountInactive, "data.accountId"),
        (
            #""contactId":"bob","accountId":"acme","lastName":"X","email":"ANN@acme.EXAMPLE""#, .duplicateContactEmail,
            "data.email"
        ),
        (
            #""contactId":"bob","accountId":"acme","lastName":"X","email":"bob.acme.example""#, .invalidField,
            "data.email"
        ),
        (#""contactId":"bob","accountId":"acme","lastName":"X","email":"""#, .invalidField, "data.email"),
        (#""contactId":"bob","accountId":"acme","lastName":" ""#, .invalidField, "data.lastName"),
        (#""contactId":"bob","accountId":"acme","lastName":"X","firstName":"a\tb""#, .invalidField, "data.firstName"),
        (#""contactId":"bob","accountId":"acme","lastName":"X","phone":"\u0000""#, .invalidField, "data.phone"),
        (
            #""contactId":"bob","accountId":"acme","lastName":"X","title":"\#(String(repeating: "t", count: 256))""#,
            .invalidField, "data.title"
        ),
        (#""contactId":"b b","accountId":"acme","lastName":"X""#, .invalidId, "data.contactId"),
    ]

    @Test(arguments: addRefusals)
    func addContactRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithAnn()
        try domain.run(Commands.open("merged"))
        try domain.run(Commands.open("inactive"))
        try domain.run(Commands.json("MergeAccounts", #""accountId":"globex","mergedAccountId":"merged""#))
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"inactive""#))
        domain.expectRefusal(Commands.json("AddContact", data), code: code, field: field)
    }

    @Test func updateContactRecordsOnlyTheFieldsThatChange() throws {
        var domain = try Self.domainWithAnn()
        let events = try domain.run(
            Commands.json(
                "UpdateContact",
                #""contactId":"ann","firstName":"Ann","lastName":"Lee-Smith","email":"ann.smith@acme.example","#
                    + #""phone":"","title":"Buyer""#
            )
        )
        let expected = ContactUpdated(lastName: "Lee-Smith", email: "ann.smith@acme.example", phone: "")
        #expect(events == [NewEvent(id("ann"), .contact(.updated(expected)))])
        let ann = try #require(domain.state.contacts[id("ann")])
        #expect(ann.version == 2)
        #expect(ann.email == "ann.smith@acme.example")
        #expect(ann.lastName == TextDigest("Lee-Smith"))
        #expect(ann.phone == TextDigest(nil))
        #expect(domain.state.accounts[id("acme")]?.contactEmails == ["ann.smith@acme.example": id("ann")])
    }

    @Test func updateContactRemovesTheEmailWithAnEmptyOne() throws {
        var domain = try Self.domainWithAnn()
        let events = try domain.run(Commands.json("UpdateContact", #""contactId":"ann","email":"""#))
        #expect(events == [NewEvent(id("ann"), .contact(.updated(ContactUpdated(email: ""))))])
        #expect(domain.state.contacts[id("ann")]?.email == nil)
        #expect(domain.state.accounts[id("acme")]?.contactEmails.isEmpty == true)
        try domain.run(Commands.addContact("ann-2", to: "acme", email: "ann@acme.example"))
        let again = try domain.run(Commands.json("UpdateContact", #""contactId":"ann","email":"""#))
        #expect(again.isEmpty)
    }

    @Test func updateContactThatChangesNothingDecidesNoEvent() throws {
        var domain = try Self.domainWithAnn()
        let before = domain.state
        let events = try domain.run(
            Commands.json(
                "UpdateContact",
                #""contactId":"ann","firstName":"Ann","lastName":"Lee","email":"Ann@Acme.example","title":"Buyer""#
            )
        )
        #expect(events.isEmpty)
        #expect(domain.state == before)
    }

    @Test func updateContactMayChangeTheLetterCaseOfItsEmail() throws {
        var domain = try Self.domainWithAnn()
        let events = try domain.run(Commands.json("UpdateContact", #""contactId":"ann","email":"ann@acme.example""#))
        #expect(events == [NewEvent(id("ann"), .contact(.updated(ContactUpdated(email: "ann@acme.example"))))])
        #expect(domain.state.accounts[id("acme")]?.contactEmails == ["ann@acme.example": id("ann")])
    }

    static let updateRefusals: [(String, DomainError.Code, String)] = [
        (#""contactId":"nobody","lastName":"X""#, .contactNotFound, "data.contactId"),
        (#""contactId":"bob","email":"ANN@acme.example""#, .duplicateContactEmail, "data.email"),
        (#""contactId":"bob","email":"not an email""#, .invalidField, "data.email"),
        (#""contactId":"bob","lastName":"""#, .invalidField, "data.lastName"),
        (#""contactId":"bob","firstName":"\u0001""#, .invalidField, "data.firstName"),
        (#""contactId":"bob","phone":"\u007f""#, .invalidField, "data.phone"),
        (#""contactId":"bob","title":"a\rb""#, .invalidField, "data.title"),
    ]

    @Test(arguments: updateRefusals)
    func updateContactRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithAnn()
        try domain.run(Commands.addContact("bob", to: "acme", email: "bob@acme.example"))
        domain.expectRefusal(Commands.json("UpdateContact", data), code: code, field: field)
    }

    @Test func moveContactTakesTheContactAndItsEmailToTheOtherAccount() throws {
        var domain = try Self.domainWithAnn()
        let events = try domain.run(Commands.json("MoveContact", #""contactId":"ann","toAccountId":"globex""#))
        let transfer = AccountTransfer(fromAccountId: id("acme"), toAccountId: id("globex"), viaMerge: false)
        #expect(events == [NewEvent(id("ann"), .contact(.moved(ContactMoved(transfer))))])
        #expect(domain.state.contacts[id("ann")]?.accountId == id("globex"))
        #expect(domain.state.contacts[id("ann")]?.version == 2)
        let acme = try #require(domain.state.accounts[id("acme")])
        let globex = try #require(domain.state.accounts[id("globex")])
        #expect(acme.contacts.isEmpty && acme.contactEmails.isEmpty)
        #expect(globex.contacts == [id("ann")])
        #expect(globex.contactEmails == ["ann@acme.example": id("ann")])
        try domain.run(Commands.addContact("ann-2", to: "acme", email: "ann@acme.example"))
    }

    static let moveRefusals: [(String, DomainError.Code, String)] = [
        (#""contactId":"nobody","toAccountId":"globex""#, .contactNotFound, "data.contactId"),
        (#""contactId":"ann","toAccountId":"acme""#, .sameAccount, "data.toAccountId"),
        (#""contactId":"ann","toAccountId":"nowhere""#, .accountNotFound, "data.toAccountId"),
        (#""contactId":"ann","toAccountId":"merged""#, .accountMerged, "data.toAccountId"),
        (#""contactId":"ann","toAccountId":"inactive""#, .accountInactive, "data.toAccountId"),
        (#""contactId":"ann","toAccountId":"initech""#, .duplicateContactEmail, "data.toAccountId"),
    ]

    @Test(arguments: moveRefusals)
    func moveContactRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithAnn()
        for account in ["merged", "inactive", "initech"] {
            try domain.run(Commands.open(account))
        }
        try domain.run(Commands.json("MergeAccounts", #""accountId":"globex","mergedAccountId":"merged""#))
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"inactive""#))
        try domain.run(Commands.addContact("ann-i", to: "initech", email: "ANN@ACME.EXAMPLE"))
        domain.expectRefusal(Commands.json("MoveContact", data), code: code, field: field)
    }

    @Test func aContactMayMoveAwayFromADeactivatedAccount() throws {
        var domain = try Self.domainWithAnn()
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"acme""#))
        let events = try domain.run(Commands.json("MoveContact", #""contactId":"ann","toAccountId":"globex""#))
        #expect(events.count == 1)
    }
}
