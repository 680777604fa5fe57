import RapportCRM
import Testing

/// Commands for the account and contact tests, as the JSON callers send.
enum AccountTestCommands {
    /// A command of a type with the fields of its `data`, sent by `user-1`.
    ///
    /// - Parameters:
    ///   - type: The command type.
    ///   - data: The members of `data`, as JSON text without the braces.
    /// - Returns: The command's JSON.
    static func json(_ type: String, _ data: String) -> String {
        #"{"type":"\#(type)","actor":"user-1","data":{\#(data)}}"#
    }

    /// `OpenAccount` of an account owned by `user-1`.
    static func open(_ id: String, parent: String? = nil, extra: String = "") -> String {
        let parentField = parent.map { #","parentAccountId":"\#($0)""# } ?? ""
        return json(
            "OpenAccount",
            #""accountId":"\#(id)","name":"Account \#(id)","ownerId":"user-1""# + parentField + extra
        )
    }

    /// `AddContact` of a contact with an email.
    static func addContact(_ id: String, to account: String, email: String) -> String {
        json("AddContact", #""contactId":"\#(id)","accountId":"\#(account)","lastName":"Doe","email":"\#(email)""#)
    }

    /// A domain holding the given accounts, opened in order (a parent before its children).
    ///
    /// - Parameter accounts: The ids, each with its parent if any.
    /// - Returns: The domain.
    /// - Throws: When an account cannot be opened.
    static func domain(_ accounts: [(String, String?)]) throws -> Decisions {
        var domain = Decisions()
        for (id, parent) in accounts {
            try domain.run(open(id, parent: parent))
        }
        return domain
    }
}

/// A record id known to be valid.
private func id(_ text: String) -> RecordId {
    try! RecordId(text)
}

struct AccountDecisionTests {
    typealias Commands = AccountTestCommands

    @Test func openAccountRecordsItsFields() throws {
        var domain = Decisions()
        try domain.run(Commands.open("group"))
        let events = try domain.run(
            #"{"type":"OpenAccount","actor":"user-7","data":{"accountId":"acme","name":"Acme","ownerId":"user-7","annualRevenue":1250000.5,"parentAccountId":"group"}}"#
        )
        #expect(events.count == 1)
        guard case .account(.opened(let opened)) = events.first?.event else {
            Issue.record("expected AccountOpened, got \(events)")
            return
        }
        #expect(opened.name == "Acme")
        #expect(opened.annualRevenue == Money(tenThousandths: 12_500_005_000))
        #expect(opened.parentAccountId == id("group"))
        #expect(domain.state.version(of: StreamName(.account, id("acme"))) == 1)
        #expect(domain.state.accounts[id("group")]?.children == [id("acme")])
    }

    @Test func openAccountRefusesAnExistingId() throws {
        var domain = Decisions()
        let open = #"{"type":"OpenAccount","actor":"u","data":{"accountId":"acme","name":"Acme","ownerId":"u"}}"#
        try domain.run(open)
        domain.expectRefusal(open, code: .accountExists, field: "data.accountId")
    }

    static let openRefusals: [(String, DomainError.Code, String)] = [
        (#","parentAccountId":"nowhere""#, .accountNotFound, "data.parentAccountId"),
        (#","parentAccountId":"merged""#, .accountMerged, "data.parentAccountId"),
        (#","type":"a\u0007b""#, .invalidField, "data.type"),
        (#","annualRevenue":-1"#, .invalidField, "data.annualRevenue"),
        (#","employees":-3"#, .invalidField, "data.employees"),
        (#","employees":100000001"#, .invalidField, "data.employees"),
    ]

    @Test(arguments: openRefusals)
    func openAccountRefuses(extra: String, code: DomainError.Code, field: String) throws {
        var domain = try Commands.domain([("survivor", nil), ("merged", nil)])
        try domain.run(Commands.json("MergeAccounts", #""accountId":"survivor","mergedAccountId":"merged""#))
        domain.expectRefusal(Commands.open("acme", extra: extra), code: code, field: field)
    }

    @Test func openAccountRefusesABlankName() throws {
        var domain = Decisions()
        domain.expectRefusal(
            Commands.json("OpenAccount", #""accountId":"acme","name":"  ","ownerId":"user-1""#),
            code: .invalidField,
            field: "data.name"
        )
    }

    @Test func updateAccountRecordsOnlyTheFieldsThatChange() throws {
        var domain = try Commands.domain([("group", nil)])
        try domain.run(Commands.open("acme", extra: #","industry":"Retail","employees":40,"type":"Prospect""#))
        let events = try domain.run(
            Commands.json(
                "UpdateAccount",
                #""accountId":"acme","name":"Acme Ltd","industry":"Retail","employees":40,"type":"","#
                    + #""website":"https://acme.example","annualRevenue":99.5,"parentAccountId":"group""#
            )
        )
        let expected = AccountUpdated(
            name: "Acme Ltd",
            type: "",
            website: "https://acme.example",
            annualRevenue: Money(tenThousandths: 995_000),
            parentAccountId: id("group")
        )
        #expect(events == [NewEvent(id("acme"), .account(.updated(expected)))])
        let acme = try #require(domain.state.accounts[id("acme")])
        #expect(acme.version == 2)
        #expect(acme.name == "Acme Ltd")
        #expect(acme.type == TextDigest(nil))
        #expect(acme.website == TextDigest("https://acme.example"))
        #expect(acme.annualRevenue == Money(tenThousandths: 995_000))
        #expect(acme.parentAccountId == id("group"))
        #expect(domain.state.accounts[id("group")]?.children == [id("acme")])
    }

    @Test func updateAccountThatChangesNothingDecidesNoEvent() throws {
        var domain = try Commands.domain([("group", nil), ("acme", "group")])
        try domain.run(Commands.json("UpdateAccount", #""accountId":"acme","territory":"EMEA""#))
        let before = domain.state
        let events = try domain.run(
            Commands.json(
                "UpdateAccount",
                #""accountId":"acme","name":"Account acme","territory":"EMEA","type":"","parentAccountId":"group""#
            )
        )
        #expect(events.isEmpty)
        #expect(domain.state == before)
    }

    @Test func updateAccountMovesTheAccountBetweenParents() throws {
        var domain = try Commands.domain([("old", nil), ("new", nil), ("acme", "old")])
        try domain.run(Commands.json("UpdateAccount", #""accountId":"acme","parentAccountId":"new""#))
        #expect(domain.state.accounts[id("old")]?.children == [])
        #expect(domain.state.accounts[id("new")]?.children == [id("acme")])
    }

    @Test func updateAccountDetachesTheAccountFromItsParent() throws {
        var domain = try Commands.domain([("group", nil), ("acme", "group")])
        let events = try domain.run(Commands.json("UpdateAccount", #""accountId":"acme","removeParent":true"#))
        #expect(events == [NewEvent(id("acme"), .account(.updated(AccountUpdated(parentRemoved: true))))])
        #expect(domain.state.accounts[id("acme")]?.parentAccountId == nil)
        #expect(domain.state.accounts[id("group")]?.children == [])
        let again = try domain.run(Commands.json("UpdateAccount", #""accountId":"acme","removeParent":true"#))
        #expect(again.isEmpty, "an account without a parent has nothing to detach")
        // Detached, the account can now take its former parent over.
        try domain.run(Commands.json("MergeAccounts", #""accountId":"acme","mergedAccountId":"group""#))
        #expect(domain.state.accounts[id("group")]?.status == .merged(into: id("acme")))
    }

    static let updateRefusals: [(String, DomainError.Code, String)] = [
        (#""accountId":"nowhere","name":"X""#, .accountNotFound, "data.accountId"),
        (#""accountId":"merged","name":"X""#, .accountMerged, "data.accountId"),
        (#""accountId":"acme","name":"""#, .invalidField, "data.name"),
        (#""accountId":"acme","industry":"a\nb""#, .invalidField, "data.industry"),
        (#""accountId":"acme","website":"\#(String(repeating: "w", count: 256))""#, .invalidField, "data.website"),
        (#""accountId":"acme","annualRevenue":-0.5"#, .invalidField, "data.annualRevenue"),
        (#""accountId":"acme","employees":-1"#, .invalidField, "data.employees"),
        (#""accountId":"acme","billingCountry":"\u0000""#, .invalidField, "data.billingCountry"),
        (#""accountId":"acme","territory":"\u001b""#, .invalidField, "data.territory"),
        (#""accountId":"acme","parentAccountId":"nowhere""#, .accountNotFound, "data.parentAccountId"),
        (#""accountId":"acme","parentAccountId":"merged""#, .accountMerged, "data.parentAccountId"),
        (#""accountId":"acme","parentAccountId":"acme""#, .accountHierarchyCycle, "data.parentAccountId"),
        (#""accountId":"acme","parentAccountId":"grandchild""#, .accountHierarchyCycle, "data.parentAccountId"),
        (#""accountId":"child","parentAccountId":"survivor","removeParent":true"#, .invalidField, "data.removeParent"),
    ]

    @Test(arguments: updateRefusals)
    func updateAccountRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Commands.domain([
            ("survivor", nil), ("merged", nil), ("acme", nil), ("child", "acme"), ("grandchild", "child"),
        ])
        try domain.run(Commands.json("MergeAccounts", #""accountId":"survivor","mergedAccountId":"merged""#))
        domain.expectRefusal(Commands.json("UpdateAccount", data), code: code, field: field)
    }

    @Test func updateAccountMayChangeADeactivatedAccount() throws {
        var domain = try Commands.domain([("acme", nil)])
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"acme""#))
        let events = try domain.run(Commands.json("UpdateAccount", #""accountId":"acme","name":"Acme (closed)""#))
        #expect(events == [NewEvent(id("acme"), .account(.updated(AccountUpdated(name: "Acme (closed)"))))])
    }

    @Test func reassignAccountOwnerRecordsBothOwners() throws {
        var domain = try Commands.domain([("acme", nil)])
        let events = try domain.run(Commands.json("ReassignAccountOwner", #""accountId":"acme","ownerId":"user-9""#))
        let expected = AccountOwnerReassigned(fromOwnerId: id("user-1"), toOwnerId: id("user-9"))
        #expect(events == [NewEvent(id("acme"), .account(.ownerReassigned(expected)))])
        #expect(domain.state.accounts[id("acme")]?.ownerId == id("user-9"))
        #expect(domain.state.accounts[id("acme")]?.version == 2)
    }

    @Test func reassignAccountOwnerToTheSameOwnerDecidesNoEvent() throws {
        var domain = try Commands.domain([("acme", nil)])
        let events = try domain.run(Commands.json("ReassignAccountOwner", #""accountId":"acme","ownerId":"user-1""#))
        #expect(events.isEmpty)
        #expect(domain.state.accounts[id("acme")]?.version == 1)
    }

    static let reassignRefusals: [(String, DomainError.Code, String)] = [
        (#""accountId":"nowhere","ownerId":"user-9""#, .accountNotFound, "data.accountId"),
        (#""accountId":"merged","ownerId":"user-9""#, .accountMerged, "data.accountId"),
        (#""accountId":"acme","ownerId":"user 9""#, .invalidId, "data.ownerId"),
    ]

    @Test(arguments: reassignRefusals)
    func reassignAccountOwnerRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Commands.domain([("survivor", nil), ("merged", nil), ("acme", nil)])
        try domain.run(Commands.json("MergeAccounts", #""accountId":"survivor","mergedAccountId":"merged""#))
        domain.expectRefusal(Commands.json("ReassignAccountOwner", data), code: code, field: field)
    }
}
