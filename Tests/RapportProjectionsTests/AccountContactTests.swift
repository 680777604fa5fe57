import RapportCRM
import RapportProjections
import Testing

struct AccountContactTests {
    static func history() throws -> RecordedHistory {
        var history = RecordedHistory()
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-01T09:00:00Z",
            AccountFixtures.account("initech", "Initech")
        )
        try history.accountCommand(
            "OpenAccount",
            at: "2025-02-01T09:01:00Z",
            AccountFixtures.account("globex", "Globex")
        )
        try history.accountCommand(
            "AddContact",
            at: "2025-02-04T09:00:00Z",
            #""contactId":"peter","accountId":"initech","firstName":"Peter","lastName":"Gibbons","#
                + #""email":"peter@initech.example","phone":"+1 512 555 0101","title":"Engineer""#
        )
        try history.accountCommand(
            "AddContact",
            at: "2025-02-04T09:05:00Z",
            #""contactId":"bill","accountId":"initech","lastName":"Lumbergh""#
        )
        try history.accountCommand(
            "UpdateContact",
            at: "2025-03-01T15:00:00Z",
            #""contactId":"peter","title":"Consultant","phone":"""#
        )
        try history.accountCommand(
            "LaunchCampaign",
            at: "2025-02-05T09:00:00Z",
            #""campaignId":"webinar","name":"Summer webinar""#
        )
        try history.accountCommand("LaunchCampaign", at: "2025-02-05T09:01:00Z", #""campaignId":"expo","name":"Expo""#)
        try history.accountCommand(
            "AddCampaignMember",
            at: "2025-02-06T09:00:00Z",
            #""campaignId":"webinar","contactId":"peter""#
        )
        try history.accountCommand(
            "AddCampaignMember",
            at: "2025-02-06T09:01:00Z",
            #""campaignId":"expo","contactId":"bill""#
        )
        try history.accountCommand(
            "RecordCampaignResponse",
            at: "2025-02-07T10:00:00Z",
            #""campaignId":"webinar","contactId":"peter""#
        )
        return history
    }

    @Test func contactsHaveTheirLatestFields() throws {
        let report = try #require(try Self.history().accountReport("initech"))
        #expect(report.contacts.map(\.id.text) == ["bill", "peter"])
        let peter = report.contacts[1]
        #expect(peter.name == "Peter Gibbons")
        #expect(peter.email == "peter@initech.example")
        #expect(peter.phone == nil)
        #expect(peter.title == "Consultant")
        #expect(peter.addedAt == AccountFixtures.time("2025-02-04T09:00:00Z"))
        #expect(report.contacts[0].name == "Lumbergh")
        #expect(report.contacts[0].firstName == nil)
    }

    @Test func campaignTouchesOfTheContactsAreListed() throws {
        let report = try #require(try Self.history().accountReport("initech"))
        #expect(report.campaigns.map(\.campaignId.text) == ["expo", "webinar"])
        let webinar = report.campaigns[1]
        #expect(webinar.campaignName == "Summer webinar")
        #expect(webinar.contactId.text == "peter")
        #expect(webinar.addedAt == AccountFixtures.time("2025-02-06T09:00:00Z"))
        #expect(webinar.respondedAt == AccountFixtures.time("2025-02-07T10:00:00Z"))
        #expect(report.campaigns[0].respondedAt == nil)
    }

    @Test func aMovedContactTakesItsCampaignTouchesToTheOtherAccount() throws {
        var history = try Self.history()
        try history.accountCommand(
            "MoveContact",
            at: "2025-04-15T10:30:00Z",
            #""contactId":"peter","toAccountId":"globex""#
        )
        let initech = try #require(history.accountReport("initech"))
        #expect(initech.contacts.map(\.id.text) == ["bill"])
        #expect(initech.campaigns.map(\.campaignId.text) == ["expo"])
        let globex = try #require(history.accountReport("globex"))
        #expect(globex.contacts.map(\.id.text) == ["peter"])
        #expect(globex.campaigns.map(\.campaignId.text) == ["webinar"])
    }
}
