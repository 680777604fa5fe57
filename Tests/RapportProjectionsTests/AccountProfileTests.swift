import RapportCRM
import RapportProjections
import Testing

struct AccountProfileTests {
    @Test func profileHasTheFieldsTheLatestEventsSet() throws {
        var history = RecordedHistory()
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-03T10:00:00Z",
            #""accountId":"acme","name":"Acme","type":"Customer","industry":"Manufacturing","ownerId":"user-1","#
                + #""website":"https://acme.example","annualRevenue":12500000,"employees":420,"#
                + #""billingCountry":"Germany","territory":"EMEA""#
        )
        try history.accountCommand(
            "UpdateAccount",
            at: "2025-03-10T08:30:00Z",
            #""accountId":"acme","name":"Acme Corporation","industry":"","annualRevenue":13100000.5,"#
                + #""employees":455,"territory":"EMEA North""#
        )
        try history.accountCommand(
            "ReassignAccountOwner",
            at: "2025-04-01T09:00:00Z",
            #""accountId":"acme","ownerId":"user-2""#
        )
        try history.accountCommand(
            "DeactivateAccount",
            at: "2025-05-12T14:00:00Z",
            #""accountId":"acme","reason":"Sold""#
        )

        let report = try #require(history.accountReport("acme"))
        let profile = report.account
        #expect(profile.id == AccountFixtures.id("acme"))
        #expect(profile.name == "Acme Corporation")
        #expect(profile.type == "Customer")
        #expect(profile.industry == nil)
        #expect(profile.ownerId == "user-2")
        #expect(profile.website == "https://acme.example")
        #expect(profile.annualRevenue == Money(tenThousandths: 131_000_005_000))
        #expect(profile.employees == 455)
        #expect(profile.country == "Germany")
        #expect(profile.territory == "EMEA North")
        #expect(profile.status == .inactive)
        #expect(profile.mergedInto == nil)
        #expect(profile.openedAt == AccountFixtures.time("2025-02-03T10:00:00Z"))

        try history.accountCommand("ReactivateAccount", at: "2025-06-02T10:00:00Z", #""accountId":"acme""#)
        #expect(history.accountReport("acme")?.account.status == .active)
    }

    @Test func anUnknownAccountHasNoReport() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-03T10:00:00Z", AccountFixtures.account("acme", "Acme"))
        #expect(history.accountReport("globex") == nil)
        #expect(
            AccountsModel().report(for: AccountFixtures.id("acme"), in: AccountFixtures.context("2025-01-01T00:00:00Z"))
                == nil
        )
    }

    @Test func parentChangedThenRemovedMovesTheChildBetweenParents() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-03T10:00:00Z", AccountFixtures.account("group", "Group"))
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-03T10:01:00Z",
            AccountFixtures.account("holding", "Holding")
        )
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-03T10:02:00Z",
            AccountFixtures.account("b-sub", "B Subsidiary", extra: #""parentAccountId":"group""#)
        )
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-03T10:03:00Z",
            AccountFixtures.account("a-sub", "A Subsidiary", extra: #""parentAccountId":"group""#)
        )

        var group = try #require(history.accountReport("group"))
        #expect(group.children.map(\.id.text) == ["a-sub", "b-sub"])
        #expect(group.children.map(\.name) == ["A Subsidiary", "B Subsidiary"])
        #expect(group.parent == nil)
        let child = try #require(history.accountReport("a-sub"))
        #expect(child.parent?.id.text == "group")
        #expect(child.parent?.name == "Group")
        #expect(child.parent?.status == .active)

        try history.accountCommand(
            "UpdateAccount",
            at: "2025-03-01T10:00:00Z",
            #""accountId":"a-sub","parentAccountId":"holding""#
        )
        group = try #require(history.accountReport("group"))
        #expect(group.children.map(\.id.text) == ["b-sub"])
        #expect(history.accountReport("holding")?.children.map(\.id.text) == ["a-sub"])
        #expect(history.accountReport("a-sub")?.parent?.name == "Holding")

        try history.accountCommand(
            "UpdateAccount",
            at: "2025-04-01T10:00:00Z",
            #""accountId":"a-sub","removeParent":true"#
        )
        #expect(history.accountReport("holding")?.children.isEmpty == true)
        #expect(history.accountReport("a-sub")?.parent == nil)
    }
}
