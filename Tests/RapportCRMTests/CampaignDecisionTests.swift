import RapportCRM
import RapportTime
import Testing

struct CampaignDecisionTests {
    static func command(_ type: String, _ data: String) -> String {
        #"{"type":"\#(type)","actor":"user-1","data":{\#(data)}}"#
    }

    static func id(_ text: String) -> RecordId { try! RecordId(text) }

    static let spring = id("spring")

    /// A domain with the campaign `spring`, the lead `lead-1` and the contact `hank` (from converting `lead-0`).
    static func domainWithCampaign() throws -> Decisions {
        var domain = Decisions()
        try domain.run(command("LaunchCampaign", #""campaignId":"spring","name":"Spring webinar""#))
        try domain.run(command("CaptureLead", #""leadId":"lead-1","company":"Initech","lastName":"Lumbergh""#))
        try domain.run(command("CaptureLead", #""leadId":"lead-0","company":"Globex","lastName":"Scorpio""#))
        try domain.run(command("ConvertLead", #""leadId":"lead-0","accountId":"globex","contactId":"hank""#))
        return domain
    }

    /// Each command on the campaign `spring` that a completed or unknown campaign refuses.
    static let changes = [
        command("AddCampaignMember", #""campaignId":"spring","leadId":"lead-1""#),
        command("RecordCampaignResponse", #""campaignId":"spring","leadId":"lead-1""#),
        command("RecordCampaignCost", #""campaignId":"spring","actualCost":10"#),
        command("CompleteCampaign", #""campaignId":"spring""#),
    ]

    @Test func launchCampaignRecordsItsFields() throws {
        var domain = Decisions()
        let events = try domain.run(
            Self.command(
                "LaunchCampaign",
                #""campaignId":"spring","name":"Spring webinar","type":"Webinar","budgetedCost":12000.5,"startDate":"2025-03-01","endDate":"2025-03-01""#
            )
        )
        let launched = CampaignLaunched(
            name: "Spring webinar",
            type: "Webinar",
            budgetedCost: Money(tenThousandths: 120_005_000),
            startDate: CalendarDate(year: 2025, month: 3, day: 1),
            endDate: CalendarDate(year: 2025, month: 3, day: 1)
        )
        #expect(events == [NewEvent(Self.spring, .campaign(.launched(launched)))])
        let campaign = try #require(domain.state.campaigns[Self.spring])
        #expect(campaign.version == 1)
        #expect(!campaign.completed && campaign.actualCost == nil && campaign.members.isEmpty)
    }

    @Test func launchCampaignRefusesAnExistingId() throws {
        var domain = Decisions()
        let launch = Self.command("LaunchCampaign", #""campaignId":"spring","name":"Spring webinar""#)
        try domain.run(launch)
        domain.expectRefusal(launch, code: .campaignExists, field: "data.campaignId")
    }

    @Test(
        arguments: [
            (#""name":"""#, "data.name"),
            (#""name":"N","type":"Web\tinar""#, "data.type"),
            (#""name":"N","budgetedCost":-0.01"#, "data.budgetedCost"),
            (#""name":"N","startDate":"2025-03-02","endDate":"2025-03-01""#, "data.endDate"),
            (#""name":"N","startDate":"2025-3-2""#, "data.startDate"),
        ]
    )
    func launchCampaignRefusesAnInvalidField(fields: String, field: String) {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("LaunchCampaign", #""campaignId":"c","# + fields),
            code: .invalidField,
            field: field
        )
    }

    @Test(arguments: changes)
    func aCompletedCampaignRefusesChanges(change: String) throws {
        var domain = try Self.domainWithCampaign()
        try domain.run(Self.command("CompleteCampaign", #""campaignId":"spring""#))
        domain.expectRefusal(change, code: .campaignCompleted, field: "data.campaignId")
    }

    @Test(arguments: changes)
    func anUnknownCampaignRefusesChanges(change: String) {
        var domain = Decisions()
        domain.expectRefusal(change, code: .campaignNotFound, field: "data.campaignId")
    }

    @Test func addCampaignMemberAddsALead() throws {
        var domain = try Self.domainWithCampaign()
        let events = try domain.run(Self.command("AddCampaignMember", #""campaignId":"spring","leadId":"lead-1""#))
        let member = CampaignMember(kind: .lead, id: Self.id("lead-1"))
        #expect(events == [NewEvent(Self.spring, .campaign(.memberAdded(CampaignMemberAdded(member))))])
        #expect(domain.state.campaigns[Self.spring]?.members == [member: false])
        #expect(domain.state.campaigns[Self.spring]?.version == 2)
    }

    @Test func addCampaignMemberAddsAContact() throws {
        var domain = try Self.domainWithCampaign()
        let events = try domain.run(Self.command("AddCampaignMember", #""campaignId":"spring","contactId":"hank""#))
        let member = CampaignMember(kind: .contact, id: Self.id("hank"))
        #expect(events == [NewEvent(Self.spring, .campaign(.memberAdded(CampaignMemberAdded(member))))])
        #expect(domain.state.campaigns[Self.spring]?.members == [member: false])
    }

    @Test func addCampaignMemberNeedsALeadOrAContact() throws {
        var domain = try Self.domainWithCampaign()
        domain.expectRefusal(
            Self.command("AddCampaignMember", #""campaignId":"spring""#),
            code: .missingField,
            field: "data.leadId"
        )
    }

    @Test func addCampaignMemberTakesOneMemberAtATime() throws {
        var domain = try Self.domainWithCampaign()
        domain.expectRefusal(
            Self.command("AddCampaignMember", #""campaignId":"spring","leadId":"lead-1","contactId":"hank""#),
            code: .invalidField,
            field: "data.contactId"
        )
    }

    @Test func addCampaignMemberRefusesAnUnknownLead() throws {
        var domain = try Self.domainWithCampaign()
        domain.expectRefusal(
            Self.command("AddCampaignMember", #""campaignId":"spring","leadId":"nope""#),
            code: .leadNotFound,
            field: "data.leadId"
        )
    }

    @Test func addCampaignMemberRefusesAnUnknownContact() throws {
        var domain = try Self.domainWithCampaign()
        domain.expectRefusal(
            Self.command("AddCampaignMember", #""campaignId":"spring","contactId":"lead-1""#),
            code: .contactNotFound,
            field: "data.contactId"
        )
    }

    @Test func addCampaignMemberAddsAMemberOnce() throws {
        var domain = try Self.domainWithCampaign()
        let add = Self.command("AddCampaignMember", #""campaignId":"spring","contactId":"hank""#)
        try domain.run(add)
        domain.expectRefusal(add, code: .memberExists, field: "data.contactId")
    }

    @Test func recordCampaignResponseMarksTheMember() throws {
        var domain = try Self.domainWithCampaign()
        try domain.run(Self.command("AddCampaignMember", #""campaignId":"spring","leadId":"lead-1""#))
        let events = try domain.run(
            Self.command("RecordCampaignResponse", #""campaignId":"spring","leadId":"lead-1""#)
        )
        let member = CampaignMember(kind: .lead, id: Self.id("lead-1"))
        #expect(events == [NewEvent(Self.spring, .campaign(.responseRecorded(CampaignResponseRecorded(member))))])
        #expect(domain.state.campaigns[Self.spring]?.members == [member: true])
        #expect(domain.state.campaigns[Self.spring]?.version == 3)
    }

    @Test func recordCampaignResponseAgainChangesNothing() throws {
        var domain = try Self.domainWithCampaign()
        try domain.run(Self.command("AddCampaignMember", #""campaignId":"spring","contactId":"hank""#))
        let respond = Self.command("RecordCampaignResponse", #""campaignId":"spring","contactId":"hank""#)
        try domain.run(respond)
        let before = domain.state
        #expect(try domain.run(respond).isEmpty)
        #expect(domain.state == before)
    }

    @Test(
        arguments: [
            (#""campaignId":"spring","leadId":"lead-1""#, DomainError.Code.memberNotFound, "data.leadId"),
            (#""campaignId":"spring","contactId":"lead-1""#, .memberNotFound, "data.contactId"),
            (#""campaignId":"spring""#, .missingField, "data.leadId"),
            (#""campaignId":"spring","leadId":"lead-1","contactId":"hank""#, .invalidField, "data.contactId"),
        ]
    )
    func recordCampaignResponseNeedsOneMember(fields: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithCampaign()
        try domain.run(Self.command("AddCampaignMember", #""campaignId":"spring","contactId":"hank""#))
        domain.expectRefusal(Self.command("RecordCampaignResponse", fields), code: code, field: field)
    }

    @Test func recordCampaignCostRecordsTheNewTotal() throws {
        var domain = try Self.domainWithCampaign()
        try domain.run(Self.command("RecordCampaignCost", #""campaignId":"spring","actualCost":1500"#))
        let events = try domain.run(Self.command("RecordCampaignCost", #""campaignId":"spring","actualCost":2250.25"#))
        let recorded = CampaignCostRecorded(actualCost: Money(tenThousandths: 22_502_500))
        #expect(events == [NewEvent(Self.spring, .campaign(.costRecorded(recorded)))])
        #expect(domain.state.campaigns[Self.spring]?.actualCost == Money(tenThousandths: 22_502_500))
        #expect(domain.state.campaigns[Self.spring]?.version == 3)
    }

    @Test func recordCampaignCostOfTheSameTotalChangesNothing() throws {
        var domain = try Self.domainWithCampaign()
        let record = Self.command("RecordCampaignCost", #""campaignId":"spring","actualCost":0"#)
        try domain.run(record)
        let before = domain.state
        #expect(try domain.run(record).isEmpty)
        #expect(domain.state == before)
    }

    @Test func recordCampaignCostRefusesANegativeCost() throws {
        var domain = try Self.domainWithCampaign()
        domain.expectRefusal(
            Self.command("RecordCampaignCost", #""campaignId":"spring","actualCost":-5"#),
            code: .invalidField,
            field: "data.actualCost"
        )
    }

    @Test func completeCampaignCountsMembersAndResponses() throws {
        var domain = try Self.domainWithCampaign()
        try domain.run(Self.command("AddCampaignMember", #""campaignId":"spring","leadId":"lead-1""#))
        try domain.run(Self.command("AddCampaignMember", #""campaignId":"spring","contactId":"hank""#))
        try domain.run(Self.command("RecordCampaignResponse", #""campaignId":"spring","contactId":"hank""#))
        let events = try domain.run(Self.command("CompleteCampaign", #""campaignId":"spring""#))
        let completed = CampaignCompleted(memberCount: 2, responseCount: 1)
        #expect(events == [NewEvent(Self.spring, .campaign(.completed(completed)))])
        #expect(domain.state.campaigns[Self.spring]?.completed == true)
        #expect(domain.state.campaigns[Self.spring]?.version == 5)
    }
}
