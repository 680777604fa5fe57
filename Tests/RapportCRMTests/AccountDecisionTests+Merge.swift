import RapportCRM
import Testing

/// A record id known to be valid.
private func id(_ text: String) -> RecordId {
    try! RecordId(text)
}

extension AccountDecisionTests {
    /// Acme and its duplicate: two child accounts and three contacts at the duplicate, one of whom has the email
    /// (in another letter case) of Acme's contact `ann`.
    private static func duplicatedAcme() throws -> Decisions {
        var domain = try Commands.domain([("acme", nil), ("dup", nil), ("dup-west", "dup"), ("dup-east", "dup")])
        try domain.run(Commands.addContact("ann", to: "acme", email: "ann@acme.example"))
        try domain.run(Commands.addContact("zed", to: "dup", email: "zed@acme.example"))
        try domain.run(Commands.addContact("ann-2", to: "dup", email: "ANN@acme.example"))
        try domain.run(
            Commands.json("AddContact", #""contactId":"bob","accountId":"dup","firstName":"Bob","lastName":"Roe""#)
        )
        return domain
    }

    private static let mergeDuplicate = Commands.json(
        "MergeAccounts",
        #""accountId":"acme","mergedAccountId":"dup""#
    )

    @Test func mergeAccountsMovesEverythingToTheSurvivorInOneDecision() throws {
        var domain = try Self.duplicatedAcme()
        let events = try domain.run(Self.mergeDuplicate)
        let transfer = AccountTransfer(fromAccountId: id("dup"), toAccountId: id("acme"), viaMerge: true)
        let mergedIn = AccountMergedIn(
            mergedAccountId: id("dup"),
            contactIds: [id("ann-2"), id("bob"), id("zed")],
            childAccountIds: [id("dup-east"), id("dup-west")]
        )
        #expect(
            events == [
                NewEvent(id("dup"), .account(.merged(AccountMerged(intoAccountId: id("acme"))))),
                NewEvent(id("acme"), .account(.mergedIn(mergedIn))),
                NewEvent(id("ann-2"), .contact(.moved(ContactMoved(transfer)))),
                NewEvent(id("bob"), .contact(.moved(ContactMoved(transfer)))),
                NewEvent(id("zed"), .contact(.moved(ContactMoved(transfer)))),
                NewEvent(id("dup-east"), .account(.updated(AccountUpdated(parentAccountId: id("acme"))))),
                NewEvent(id("dup-west"), .account(.updated(AccountUpdated(parentAccountId: id("acme"))))),
            ]
        )
        let state = domain.state
        let acme = try #require(state.accounts[id("acme")])
        let duplicate = try #require(state.accounts[id("dup")])
        #expect(duplicate.status == .merged(into: id("acme")))
        #expect(duplicate.version == 2)
        #expect(duplicate.contacts.isEmpty && duplicate.contactEmails.isEmpty && duplicate.children.isEmpty)
        #expect(acme.version == 2)
        #expect(acme.contacts == [id("ann"), id("ann-2"), id("bob"), id("zed")])
        #expect(acme.contactEmails == ["ann@acme.example": id("ann"), "zed@acme.example": id("zed")])
        #expect(acme.sharedContactEmails == ["ann@acme.example": [id("ann-2")]])
        #expect(acme.children == [id("dup-east"), id("dup-west")])
        #expect(state.accounts[id("dup-west")]?.parentAccountId == id("acme"))
        #expect(state.contacts[id("bob")]?.accountId == id("acme"))
        #expect(state.contacts[id("bob")]?.version == 2)
    }

    @Test func mergeAccountsTransfersOpportunitiesCasesAndActivities() throws {
        var domain = try Commands.domain([("acme", nil), ("dup", nil)])
        try domain.run(Commands.addContact("ann", to: "dup", email: "ann@acme.example"))
        try domain.run(
            Commands.json(
                "OpenOpportunity",
                #""opportunityId":"deal","accountId":"dup","name":"Renewal","closeDate":"2025-09-30","ownerId":"user-1""#
            )
        )
        try domain.run(
            Commands.json("OpenCase", #""caseId":"case-1","accountId":"dup","subject":"Broken","priority":"High""#)
        )
        try domain.run(
            Commands.json("LogActivity", #""activityId":"call-1","channel":"Call","subject":"Intro","accountId":"dup""#)
        )
        try domain.run(
            Commands.json(
                "CreateTask",
                #""activityId":"task-1","subject":"Follow up","dueDate":"2025-07-01","ownerId":"user-1","contactId":"ann""#
            )
        )
        let events = try domain.run(Self.mergeDuplicate)
        let transfer = AccountTransfer(fromAccountId: id("dup"), toAccountId: id("acme"), viaMerge: true)
        let mergedIn = AccountMergedIn(
            mergedAccountId: id("dup"),
            contactIds: [id("ann")],
            opportunityIds: [id("deal")],
            caseIds: [id("case-1")],
            activityIds: [id("call-1"), id("task-1")]
        )
        #expect(
            events == [
                NewEvent(id("dup"), .account(.merged(AccountMerged(intoAccountId: id("acme"))))),
                NewEvent(id("acme"), .account(.mergedIn(mergedIn))),
                NewEvent(id("ann"), .contact(.moved(ContactMoved(transfer)))),
                NewEvent(id("deal"), .opportunity(.transferred(OpportunityTransferred(transfer)))),
                NewEvent(id("case-1"), .case(.transferred(CaseTransferred(transfer)))),
                NewEvent(id("call-1"), .activity(.transferred(ActivityTransferred(transfer)))),
                NewEvent(id("task-1"), .activity(.transferred(ActivityTransferred(transfer)))),
            ]
        )
        let acme = try #require(domain.state.accounts[id("acme")])
        let duplicate = try #require(domain.state.accounts[id("dup")])
        #expect(acme.opportunities == [id("deal")] && acme.cases == [id("case-1")])
        #expect(acme.activities == [id("call-1"), id("task-1")])
        #expect(duplicate.opportunities.isEmpty && duplicate.cases.isEmpty && duplicate.activities.isEmpty)
        #expect(domain.state.opportunities[id("deal")]?.accountId == id("acme"))
        #expect(domain.state.cases[id("case-1")]?.accountId == id("acme"))
        #expect(domain.state.activities[id("task-1")]?.accountId == id("acme"))
    }

    @Test func aMergedAccountRefusesEveryChange() throws {
        var domain = try Self.duplicatedAcme()
        try domain.run(Self.mergeDuplicate)
        try domain.run(Commands.open("other"))
        let refused: [(String, String)] = [
            (Commands.json("UpdateAccount", #""accountId":"dup","name":"X""#), "data.accountId"),
            (Commands.json("ReassignAccountOwner", #""accountId":"dup","ownerId":"user-2""#), "data.accountId"),
            (Commands.json("DeactivateAccount", #""accountId":"dup""#), "data.accountId"),
            (Commands.json("ReactivateAccount", #""accountId":"dup""#), "data.accountId"),
            (Commands.json("MergeAccounts", #""accountId":"dup","mergedAccountId":"other""#), "data.accountId"),
            (Commands.json("MergeAccounts", #""accountId":"other","mergedAccountId":"dup""#), "data.mergedAccountId"),
            (Commands.addContact("new", to: "dup", email: "new@acme.example"), "data.accountId"),
            (Commands.json("MoveContact", #""contactId":"ann","toAccountId":"dup""#), "data.toAccountId"),
            (Commands.json("UpdateAccount", #""accountId":"other","parentAccountId":"dup""#), "data.parentAccountId"),
        ]
        for (command, field) in refused {
            domain.expectRefusal(command, code: .accountMerged, field: field)
        }
    }

    @Test func contactsSharingAnEmailAfterAMergeKeepTheEmailTaken() throws {
        var domain = try Self.duplicatedAcme()
        try domain.run(Self.mergeDuplicate)
        try domain.run(Commands.open("other"))
        domain.expectRefusal(
            Commands.addContact("ann-3", to: "acme", email: "Ann@Acme.Example"),
            code: .duplicateContactEmail,
            field: "data.email"
        )
        // A new letter case of its own address adds no duplicate, so it is allowed.
        try domain.run(Commands.json("UpdateContact", #""contactId":"ann-2","email":"Ann@acme.example""#))
        try domain.run(Commands.json("MoveContact", #""contactId":"ann","toAccountId":"other""#))
        #expect(domain.state.accounts[id("acme")]?.contactEmails["ann@acme.example"] == id("ann-2"))
        #expect(domain.state.accounts[id("acme")]?.sharedContactEmails.isEmpty == true)
        domain.expectRefusal(
            Commands.addContact("ann-3", to: "acme", email: "ann@acme.example"),
            code: .duplicateContactEmail,
            field: "data.email"
        )
        domain.expectRefusal(
            Commands.json("MoveContact", #""contactId":"ann","toAccountId":"acme""#),
            code: .duplicateContactEmail,
            field: "data.toAccountId"
        )
    }

    @Test func mergeAccountsTakesAnInactiveDuplicateAndItsPlaceBelowTheSurvivor() throws {
        var domain = try Commands.domain([("acme", nil), ("dup", "acme")])
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"dup""#))
        let events = try domain.run(Self.mergeDuplicate)
        #expect(events.count == 2)
        #expect(domain.state.accounts[id("acme")]?.children == [])
        #expect(domain.state.accounts[id("dup")]?.parentAccountId == nil)
        #expect(domain.state.accounts[id("dup")]?.status == .merged(into: id("acme")))
    }

    static let mergeRefusals: [(String, DomainError.Code, String)] = [
        (#""accountId":"acme","mergedAccountId":"acme""#, .sameAccount, "data.mergedAccountId"),
        (#""accountId":"nowhere","mergedAccountId":"dup""#, .accountNotFound, "data.accountId"),
        (#""accountId":"acme","mergedAccountId":"nowhere""#, .accountNotFound, "data.mergedAccountId"),
        (#""accountId":"merged","mergedAccountId":"dup""#, .accountMerged, "data.accountId"),
        (#""accountId":"acme","mergedAccountId":"merged""#, .accountMerged, "data.mergedAccountId"),
        (#""accountId":"inactive","mergedAccountId":"dup""#, .accountInactive, "data.accountId"),
        (#""accountId":"grandchild","mergedAccountId":"dup""#, .accountHierarchyCycle, "data.accountId"),
    ]

    @Test(arguments: mergeRefusals)
    func mergeAccountsRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Commands.domain([
            ("acme", nil), ("dup", nil), ("child", "dup"), ("grandchild", "child"), ("merged", nil), ("inactive", nil),
        ])
        try domain.run(Commands.json("MergeAccounts", #""accountId":"acme","mergedAccountId":"merged""#))
        try domain.run(Commands.json("DeactivateAccount", #""accountId":"inactive""#))
        domain.expectRefusal(Commands.json("MergeAccounts", data), code: code, field: field)
    }
}
