import RapportCRM
import Testing

struct LeadDecisionTests {
    /// A command of the given type by `user-1` with the given `data` fields.
    static func command(_ type: String, _ data: String) -> String {
        #"{"type":"\#(type)","actor":"user-1","data":{\#(data)}}"#
    }

    static let capture = command(
        "CaptureLead",
        #""leadId":"lead-1","company":"Globex","firstName":"Hank","lastName":"Scorpio","email":"hank@globex.example","phone":"+1 555 0100","title":"CEO","source":"Web""#
    )

    static let leadId = try! RecordId("lead-1")

    /// A domain holding the lead `lead-1` captured by ``capture``.
    static func domainWithLead() throws -> Decisions {
        var domain = Decisions()
        try domain.run(capture)
        return domain
    }

    @Test func captureLeadRecordsItsFieldsAndStartsInTheFirstStatus() throws {
        var domain = Decisions()
        let events = try domain.run(Self.capture)
        #expect(
            events == [
                NewEvent(
                    Self.leadId,
                    .lead(
                        .captured(
                            LeadCaptured(
                                company: "Globex",
                                firstName: "Hank",
                                lastName: "Scorpio",
                                email: "hank@globex.example",
                                phone: "+1 555 0100",
                                title: "CEO",
                                source: "Web",
                                status: "Open - Not Contacted"
                            )
                        )
                    )
                )
            ]
        )
        let lead = try #require(domain.state.leads[Self.leadId])
        #expect(lead.version == 1)
        #expect(lead.status == "Open - Not Contacted")
        #expect(lead.company == "Globex" && lead.lastName == "Scorpio" && lead.email == "hank@globex.example")
        #expect(!lead.disqualified && lead.conversion == nil)
    }

    @Test func captureLeadStartsInTheGivenStatusAndRecordsTheCampaign() throws {
        var domain = Decisions()
        try domain.run(Self.command("LaunchCampaign", #""campaignId":"spring","name":"Spring webinar""#))
        let events = try domain.run(
            Self.command(
                "CaptureLead",
                #""leadId":"lead-2","company":"Initech","lastName":"Lumbergh","campaignId":"spring","status":"Working - Contacted""#
            )
        )
        guard case .lead(.captured(let captured)) = events.first?.event else {
            Issue.record("expected LeadCaptured, got \(events)")
            return
        }
        #expect(captured.status == "Working - Contacted")
        #expect(captured.campaignId == (try RecordId("spring")))
        #expect(captured.firstName == nil && captured.email == nil)
        #expect(domain.state.leads[try RecordId("lead-2")]?.campaignId == (try RecordId("spring")))
    }

    @Test func captureLeadRefusesAnExistingId() throws {
        var domain = try Self.domainWithLead()
        domain.expectRefusal(Self.capture, code: .leadExists, field: "data.leadId")
    }

    @Test func captureLeadRefusesAnUnknownCampaign() {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("CaptureLead", #""leadId":"l","company":"C","lastName":"L","campaignId":"nope""#),
            code: .campaignNotFound,
            field: "data.campaignId"
        )
    }

    @Test func captureLeadRefusesAStatusNotInTheConfiguration() {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("CaptureLead", #""leadId":"l","company":"C","lastName":"L","status":"Hot""#),
            code: .invalidLeadStatus,
            field: "data.status"
        )
    }

    @Test func captureLeadRefusesAConvertedStatus() {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("CaptureLead", #""leadId":"l","company":"C","lastName":"L","status":"Closed - Converted""#),
            code: .leadStatusReserved,
            field: "data.status"
        )
    }

    @Test(
        arguments: [
            (#""company":" ","lastName":"L""#, "data.company"),
            (#""company":"C","lastName":"""#, "data.lastName"),
            (#""company":"C","lastName":"L","firstName":"A\u0007""#, "data.firstName"),
            (#""company":"C","lastName":"L","email":"not-an-address""#, "data.email"),
            (#""company":"C","lastName":"L","phone":"555\n0100""#, "data.phone"),
            (#""company":"C","lastName":"L","title":"\#(String(repeating: "t", count: 256))""#, "data.title"),
            (#""company":"C","lastName":"L","source":"\u0000""#, "data.source"),
        ]
    )
    func captureLeadRefusesAnInvalidField(fields: String, field: String) {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("CaptureLead", #""leadId":"l","# + fields),
            code: .invalidField,
            field: field
        )
    }

    @Test(arguments: ["company", "lastName"])
    func captureLeadRequiresCompanyAndLastName(missing: String) {
        var domain = Decisions()
        let fields = ["company", "lastName"].filter { $0 != missing }.map { #""\#($0)":"X""# }
        domain.expectRefusal(
            Self.command("CaptureLead", (#""leadId":"l""# + "," + fields.joined(separator: ","))),
            code: .missingField,
            field: "data.\(missing)"
        )
    }

    @Test func changeLeadStatusRecordsBothStatuses() throws {
        var domain = try Self.domainWithLead()
        let events = try domain.run(
            Self.command("ChangeLeadStatus", #""leadId":"lead-1","status":"Working - Contacted""#)
        )
        #expect(
            events == [
                NewEvent(
                    Self.leadId,
                    .lead(
                        .statusChanged(
                            LeadStatusChanged(fromStatus: "Open - Not Contacted", toStatus: "Working - Contacted")
                        )
                    )
                )
            ]
        )
        #expect(domain.state.leads[Self.leadId]?.status == "Working - Contacted")
        #expect(domain.state.leads[Self.leadId]?.version == 2)
    }

    @Test func changeLeadStatusToTheSameStatusChangesNothing() throws {
        var domain = try Self.domainWithLead()
        let before = domain.state
        let events = try domain.run(
            Self.command("ChangeLeadStatus", #""leadId":"lead-1","status":"Open - Not Contacted""#)
        )
        #expect(events.isEmpty)
        #expect(domain.state == before)
    }

    @Test func changeLeadStatusRefusesAnUnknownLead() {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("ChangeLeadStatus", #""leadId":"nope","status":"Working - Contacted""#),
            code: .leadNotFound,
            field: "data.leadId"
        )
    }

    @Test func changeLeadStatusRefusesAStatusNotInTheConfiguration() throws {
        var domain = try Self.domainWithLead()
        domain.expectRefusal(
            Self.command("ChangeLeadStatus", #""leadId":"lead-1","status":"working - contacted""#),
            code: .invalidLeadStatus,
            field: "data.status"
        )
    }

    @Test func changeLeadStatusRefusesAConvertedStatus() throws {
        var domain = try Self.domainWithLead()
        domain.expectRefusal(
            Self.command("ChangeLeadStatus", #""leadId":"lead-1","status":"Closed - Converted""#),
            code: .leadStatusReserved,
            field: "data.status"
        )
    }

    @Test func changeLeadStatusRefusesAConvertedLead() throws {
        var domain = try Self.domainWithLead()
        try domain.run(Self.command("ConvertLead", #""leadId":"lead-1","accountId":"globex","contactId":"hank""#))
        domain.expectRefusal(
            Self.command("ChangeLeadStatus", #""leadId":"lead-1","status":"Working - Contacted""#),
            code: .leadConverted,
            field: "data.leadId"
        )
    }

    @Test func changeLeadStatusRefusesADisqualifiedLead() throws {
        var domain = try Self.domainWithLead()
        try domain.run(Self.command("DisqualifyLead", #""leadId":"lead-1","reason":"No budget""#))
        domain.expectRefusal(
            Self.command("ChangeLeadStatus", #""leadId":"lead-1","status":"Working - Contacted""#),
            code: .leadDisqualified,
            field: "data.leadId"
        )
    }

    @Test func disqualifyLeadRecordsTheReason() throws {
        var domain = try Self.domainWithLead()
        let events = try domain.run(Self.command("DisqualifyLead", #""leadId":"lead-1","reason":"No budget""#))
        #expect(events == [NewEvent(Self.leadId, .lead(.disqualified(LeadDisqualified(reason: "No budget"))))])
        #expect(domain.state.leads[Self.leadId]?.disqualified == true)
        #expect(domain.state.leads[Self.leadId]?.status == "Open - Not Contacted")
        #expect(domain.state.leads[Self.leadId]?.version == 2)
    }

    @Test func disqualifyLeadRequiresAReason() throws {
        var domain = try Self.domainWithLead()
        domain.expectRefusal(
            Self.command("DisqualifyLead", #""leadId":"lead-1","reason":"  ""#),
            code: .invalidField,
            field: "data.reason"
        )
    }

    @Test func disqualifyLeadRefusesAnUnknownLead() {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("DisqualifyLead", #""leadId":"nope","reason":"No budget""#),
            code: .leadNotFound,
            field: "data.leadId"
        )
    }

    @Test func disqualifyLeadRefusesADisqualifiedLead() throws {
        var domain = try Self.domainWithLead()
        let disqualify = Self.command("DisqualifyLead", #""leadId":"lead-1","reason":"No budget""#)
        try domain.run(disqualify)
        domain.expectRefusal(disqualify, code: .leadDisqualified, field: "data.leadId")
    }

    @Test func disqualifyLeadRefusesAConvertedLead() throws {
        var domain = try Self.domainWithLead()
        try domain.run(Self.command("ConvertLead", #""leadId":"lead-1","accountId":"globex","contactId":"hank""#))
        domain.expectRefusal(
            Self.command("DisqualifyLead", #""leadId":"lead-1","reason":"No budget""#),
            code: .leadConverted,
            field: "data.leadId"
        )
    }
}
