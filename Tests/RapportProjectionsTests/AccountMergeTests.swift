import RapportCRM
import RapportProjections
import Testing

struct AccountMergeTests {
    /// A duplicate with a contact, an open deal, an open case, an activity, an open task and a child account,
    /// merged into a survivor that has a won deal of its own.
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-01T09:01:00Z",
            AccountFixtures.account("acme-dup", "ACME Corp.")
        )
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-01T09:02:00Z",
            AccountFixtures.account("labs", "Acme Labs", extra: #""parentAccountId":"acme-dup""#)
        )
        try history.accountCommand(
            "AddContact",
            at: "2025-02-02T09:00:00Z",
            #""contactId":"ann","accountId":"acme","lastName":"Lee""#
        )
        try history.accountCommand(
            "AddContact",
            at: "2025-02-02T09:01:00Z",
            #""contactId":"bob","accountId":"acme-dup","lastName":"Roe""#
        )
        try history.accountCommand(
            "OpenOpportunity",
            at: "2025-02-03T09:00:00Z",
            #""opportunityId":"o-main","accountId":"acme","name":"Main","#
                + #""amount":5000,"closeDate":"2025-06-30","ownerId":"user-1""#
        )
        try history.accountCommand("CloseOpportunityWon", at: "2025-02-20T09:00:00Z", #""opportunityId":"o-main""#)
        try history.accountCommand(
            "OpenOpportunity",
            at: "2025-02-03T09:01:00Z",
            #""opportunityId":"o-dup","accountId":"acme-dup","name":"Dup","#
                + #""amount":10000,"closeDate":"2025-07-31","ownerId":"user-1""#
        )
        try history.accountCommand(
            "OpenCase",
            at: "2025-02-04T09:00:00Z",
            #""caseId":"k-dup","accountId":"acme-dup","subject":"Broken","priority":"Low""#
        )
        try history.accountCommand(
            "LogActivity",
            at: "2025-02-05T09:00:00Z",
            #""activityId":"x-dup","channel":"Call","subject":"Call","contactId":"bob""#
        )
        try history.accountCommand(
            "CreateTask",
            at: "2025-02-06T09:00:00Z",
            #""activityId":"t-dup","subject":"Follow up","#
                + #""dueDate":"2025-03-01","ownerId":"user-1","opportunityId":"o-dup""#
        )
        try history.accountCommand(
            "MergeAccounts",
            at: "2025-03-01T09:00:00Z",
            #""accountId":"acme","mergedAccountId":"acme-dup""#
        )
        return history
    }

    @Test func theSurvivorTakesOverEveryRecordOfTheDuplicate() throws {
        let report = try #require(try Self.history().accountReport("acme", asOf: "2025-03-02T00:00:00Z"))
        #expect(report.contacts.map(\.id.text) == ["ann", "bob"])
        #expect(report.openOpportunities.map(\.id.text) == ["o-dup"])
        #expect(report.closedOpportunities.map(\.id.text) == ["o-main"])
        #expect(report.openCases.map(\.id.text) == ["k-dup"])
        #expect(report.activities.map(\.id.text) == ["t-dup", "x-dup"])
        #expect(report.children.map(\.id.text) == ["labs"])
        #expect(report.mergedAccounts.map(\.id.text) == ["acme-dup"])
        #expect(report.mergedAccounts.first?.name == "ACME Corp.")
        #expect(report.mergedAccounts.first?.mergedAt == AccountFixtures.time("2025-03-01T09:00:00Z"))
        #expect(report.totals.lifetimeWon == AccountFixtures.money(5_000))
        #expect(report.totals.openPipeline == AccountFixtures.money(10_000))
        #expect(report.totals.weightedPipeline == AccountFixtures.money(1_000))
        #expect(report.totals.openCases == 1)
        #expect(report.totals.lastActivityAt == AccountFixtures.time("2025-02-06T09:00:00Z"))
    }

    @Test func theDuplicateIsMergedAndEmpty() throws {
        let history = try Self.history()
        let duplicate = try #require(history.accountReport("acme-dup"))
        #expect(duplicate.account.status == .merged)
        #expect(duplicate.account.mergedInto?.text == "acme")
        #expect(duplicate.contacts.isEmpty)
        #expect(duplicate.openOpportunities.isEmpty && duplicate.closedOpportunities.isEmpty)
        #expect(duplicate.openCases.isEmpty && duplicate.closedCases.isEmpty)
        #expect(duplicate.activities.isEmpty)
        #expect(duplicate.children.isEmpty)
        #expect(duplicate.totals.openPipeline == .zero)
        #expect(duplicate.totals.lastActivityAt == nil)
        #expect(history.accountReport("labs")?.parent?.id.text == "acme")
    }

    @Test func recordsMovedByTheMergeKeepChangingUnderTheSurvivor() throws {
        var history = try Self.history()
        try history.accountCommand("CompleteTask", at: "2025-03-02T09:00:00Z", #""activityId":"t-dup""#)
        try history.accountCommand(
            "LogActivity",
            at: "2025-03-03T09:00:00Z",
            #""activityId":"x-new","channel":"Email","subject":"Hello","contactId":"bob""#
        )
        try history.accountCommand("CloseOpportunityWon", at: "2025-03-04T09:00:00Z", #""opportunityId":"o-dup""#)
        let report = try #require(history.accountReport("acme"))
        #expect(report.activities.map(\.id.text) == ["x-new", "t-dup", "x-dup"])
        #expect(report.activities[1].completedAt == AccountFixtures.time("2025-03-02T09:00:00Z"))
        #expect(report.totals.lifetimeWon == AccountFixtures.money(15_000))
        #expect(report.totals.openPipeline == .zero)
        #expect(history.accountReport("acme-dup")?.activities.isEmpty == true)
    }

    @Test func aMergedChildLeavesItsParentsChildren() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("group", "Group"))
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-01T09:01:00Z",
            AccountFixtures.account("a", "A", extra: #""parentAccountId":"group""#)
        )
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-01T09:02:00Z",
            AccountFixtures.account("b", "B", extra: #""parentAccountId":"group""#)
        )
        try history.accountCommand(
            "MergeAccounts",
            at: "2025-03-01T09:00:00Z",
            #""accountId":"a","mergedAccountId":"b""#
        )
        #expect(history.accountReport("group")?.children.map(\.id.text) == ["a"])
    }
}

struct AccountLeadTests {
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-01T09:00:00Z",
            AccountFixtures.account("initech", "Initech")
        )
        try history.accountCommand(
            "CaptureLead",
            at: "2025-03-11T14:20:00Z",
            #""leadId":"hank","company":"Globex","lastName":"Scorpio""#
        )
        try history.accountCommand(
            "ConvertLead",
            at: "2025-04-02T11:00:00Z",
            #""leadId":"hank","accountId":"globex","contactId":"globex-hank","#
                + #""opportunity":{"opportunityId":"globex-platform","name":"Platform","#
                + #""amount":180000,"closeDate":"2025-09-30"}"#
        )
        try history.accountCommand(
            "CaptureLead",
            at: "2025-04-07T08:45:00Z",
            #""leadId":"bill","company":"Initech","lastName":"Lumbergh""#
        )
        try history.accountCommand(
            "ConvertLead",
            at: "2025-04-09T16:10:00Z",
            #""leadId":"bill","accountId":"initech","contactId":"initech-bill""#
        )
        return history
    }

    @Test func anAccountOpenedByAConversionNamesItsLead() throws {
        let report = try #require(try Self.history().accountReport("globex"))
        let lead = try #require(report.lead)
        #expect(lead.leadId.text == "hank")
        #expect(lead.accountCreated)
        #expect(lead.contactId.text == "globex-hank")
        #expect(lead.opportunityId?.text == "globex-platform")
        #expect(lead.convertedAt == AccountFixtures.time("2025-04-02T11:00:00Z"))
        #expect(report.account.name == "Globex")
        #expect(report.contacts.map(\.id.text) == ["globex-hank"])
        #expect(report.openOpportunities.map(\.amount) == [AccountFixtures.money(180_000)])
    }

    @Test func aLeadConvertedIntoAnExistingAccountIsItsLeadToo() throws {
        let report = try #require(try Self.history().accountReport("initech"))
        #expect(report.lead?.leadId.text == "bill")
        #expect(report.lead?.accountCreated == false)
        #expect(report.lead?.opportunityId == nil)
        #expect(report.convertedLeads.map(\.leadId.text) == ["bill"])
        #expect(report.contacts.map(\.id.text) == ["initech-bill"])
    }

    @Test func anAccountNoLeadWasConvertedIntoHasNone() throws {
        var history = RecordedHistory()
        try history.accountCommand("OpenAccount", at: "2025-02-01T09:00:00Z", AccountFixtures.account("acme", "Acme"))
        let report = try #require(history.accountReport("acme"))
        #expect(report.lead == nil)
        #expect(report.convertedLeads.isEmpty)
    }
}
