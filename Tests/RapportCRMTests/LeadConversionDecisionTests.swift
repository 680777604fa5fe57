import RapportCRM
import RapportTime
import Testing

struct LeadConversionDecisionTests {
    static func command(_ type: String, _ data: String, actor: String = "user-1") -> String {
        #"{"type":"\#(type)","actor":"\#(actor)","data":{\#(data)}}"#
    }

    static func id(_ text: String) -> RecordId { try! RecordId(text) }

    /// A domain with the campaign `spring` and the lead `lead-1` (Hank Scorpio of Globex) it brought in.
    static func domainWithLead() throws -> Decisions {
        var domain = Decisions()
        try domain.run(command("LaunchCampaign", #""campaignId":"spring","name":"Spring webinar""#))
        try domain.run(
            command(
                "CaptureLead",
                #""leadId":"lead-1","company":"Globex","firstName":"Hank","lastName":"Scorpio","email":"Hank@Globex.example","phone":"+1 555 0100","title":"CEO","campaignId":"spring""#
            )
        )
        return domain
    }

    static let fullConversion = command(
        "ConvertLead",
        #""leadId":"lead-1","accountId":"globex","contactId":"hank","opportunity":{"opportunityId":"globex-deal","name":"Globex platform","closeDate":"2026-06-30"}"#
    )

    @Test func convertLeadOpensAccountContactAndOpportunityThenConvertsTheLead() throws {
        var domain = try Self.domainWithLead()
        let events = try domain.run(Self.fullConversion)
        let expected: [NewEvent] = [
            NewEvent(
                Self.id("globex"),
                .account(
                    .opened(
                        AccountOpened(
                            name: "Globex",
                            ownerId: Self.id("user-1"),
                            convertedFromLeadId: Self.id("lead-1")
                        )
                    )
                )
            ),
            NewEvent(
                Self.id("hank"),
                .contact(
                    .added(
                        ContactAdded(
                            accountId: Self.id("globex"),
                            firstName: "Hank",
                            lastName: "Scorpio",
                            email: "Hank@Globex.example",
                            phone: "+1 555 0100",
                            title: "CEO",
                            convertedFromLeadId: Self.id("lead-1")
                        )
                    )
                )
            ),
            NewEvent(
                Self.id("globex-deal"),
                .opportunity(
                    .opened(
                        OpportunityOpened(
                            accountId: Self.id("globex"),
                            name: "Globex platform",
                            amount: .zero,
                            currency: "USD",
                            closeDate: CalendarDate(year: 2026, month: 6, day: 30)!,
                            stage: "Prospecting",
                            probability: 10,
                            forecastCategory: .pipeline,
                            ownerId: Self.id("user-1"),
                            campaignId: Self.id("spring"),
                            convertedFromLeadId: Self.id("lead-1")
                        )
                    )
                )
            ),
            NewEvent(
                Self.id("lead-1"),
                .lead(
                    .converted(
                        LeadConverted(
                            accountId: Self.id("globex"),
                            contactId: Self.id("hank"),
                            opportunityId: Self.id("globex-deal"),
                            status: "Closed - Converted",
                            accountCreated: true,
                            contactCreated: true
                        )
                    )
                )
            ),
        ]
        #expect(events == expected)
        let lead = try #require(domain.state.leads[Self.id("lead-1")])
        #expect(lead.status == "Closed - Converted")
        #expect(lead.version == 2)
        #expect(lead.conversion?.accountId == Self.id("globex"))
        #expect(lead.conversion?.contactId == Self.id("hank"))
        #expect(lead.conversion?.opportunityId == Self.id("globex-deal"))
        let account = try #require(domain.state.accounts[Self.id("globex")])
        #expect(account.contacts == [Self.id("hank")])
        #expect(account.contactEmails["hank@globex.example"] == Self.id("hank"))
        #expect(account.opportunities == [Self.id("globex-deal")])
        #expect(domain.state.contacts[Self.id("hank")]?.accountId == Self.id("globex"))
        #expect(domain.state.opportunities[Self.id("globex-deal")]?.accountId == Self.id("globex"))
    }

    @Test func convertLeadTakesTheOpportunitysStageAmountCurrencyAndOwner() throws {
        var domain = try Self.domainWithLead()
        let events = try domain.run(
            Self.command(
                "ConvertLead",
                #""leadId":"lead-1","accountId":"globex","contactId":"hank","ownerId":"user-9","opportunity":{"opportunityId":"o","name":"Deal","amount":2500.5,"currency":"EUR","closeDate":"2026-06-30","stage":"Negotiation/Review"}"#
            )
        )
        guard case .opportunity(.opened(let opened)) = events[2].event,
            case .account(.opened(let account)) = events[0].event
        else {
            Issue.record("expected AccountOpened, ContactAdded, OpportunityOpened, LeadConverted, got \(events)")
            return
        }
        #expect(account.ownerId == Self.id("user-9"))
        #expect(opened.ownerId == Self.id("user-9"))
        #expect(opened.amount == Money(tenThousandths: 25_005_000))
        #expect(opened.currency == "EUR")
        #expect(opened.stage == "Negotiation/Review")
        #expect(opened.probability == 90)
        #expect(opened.forecastCategory == .pipeline)
    }

    @Test func convertLeadReusesAnExistingAccountAndAddsTheContact() throws {
        var domain = try Self.domainWithLead()
        try domain.run(Self.command("OpenAccount", #""accountId":"globex","name":"Globex Corp.","ownerId":"user-2""#))
        let events = try domain.run(
            Self.command("ConvertLead", #""leadId":"lead-1","accountId":"globex","contactId":"hank""#)
        )
        #expect(events.map(\.stream.description) == ["contact-hank", "lead-lead-1"])
        guard case .lead(.converted(let converted)) = events.last?.event else {
            Issue.record("expected LeadConverted last, got \(events)")
            return
        }
        #expect(!converted.accountCreated && converted.contactCreated && converted.opportunityId == nil)
        #expect(domain.state.accounts[Self.id("globex")]?.name == "Globex Corp.")
        #expect(domain.state.accounts[Self.id("globex")]?.contacts == [Self.id("hank")])
    }

    @Test func convertLeadReusesAnExistingContactOfTheAccount() throws {
        var domain = try Self.domainWithLead()
        try domain.run(
            Self.command(
                "CaptureLead",
                #""leadId":"lead-2","company":"Globex","lastName":"Scorpio","email":"hank@globex.example""#
            )
        )
        try domain.run(Self.command("ConvertLead", #""leadId":"lead-2","accountId":"globex","contactId":"hank""#))
        let events = try domain.run(
            Self.command("ConvertLead", #""leadId":"lead-1","accountId":"globex","contactId":"hank""#)
        )
        #expect(
            events == [
                NewEvent(
                    Self.id("lead-1"),
                    .lead(
                        .converted(
                            LeadConverted(
                                accountId: Self.id("globex"),
                                contactId: Self.id("hank"),
                                status: "Closed - Converted",
                                accountCreated: false,
                                contactCreated: false
                            )
                        )
                    )
                )
            ]
        )
        #expect(domain.state.leads[Self.id("lead-1")]?.conversion?.contactId == Self.id("hank"))
    }

    @Test func convertLeadRefusesAnUnknownLead() {
        var domain = Decisions()
        domain.expectRefusal(
            Self.command("ConvertLead", #""leadId":"nope","accountId":"a","contactId":"c""#),
            code: .leadNotFound,
            field: "data.leadId"
        )
    }

    @Test func convertLeadConvertsOnce() throws {
        var domain = try Self.domainWithLead()
        try domain.run(Self.fullConversion)
        domain.expectRefusal(
            Self.command("ConvertLead", #""leadId":"lead-1","accountId":"other","contactId":"other-hank""#),
            code: .leadConverted,
            field: "data.leadId"
        )
    }

    @Test func convertLeadRefusesADisqualifiedLead() throws {
        var domain = try Self.domainWithLead()
        try domain.run(Self.command("DisqualifyLead", #""leadId":"lead-1","reason":"Student project""#))
        domain.expectRefusal(Self.fullConversion, code: .leadDisqualified, field: "data.leadId")
    }

    @Test func convertLeadRefusesAContactOfAnotherAccount() throws {
        var domain = try Self.domainWithLead()
        try domain.run(Self.command("CaptureLead", #""leadId":"lead-2","company":"Initech","lastName":"Lumbergh""#))
        try domain.run(Self.command("ConvertLead", #""leadId":"lead-2","accountId":"initech","contactId":"bill""#))
        domain.expectRefusal(
            Self.command("ConvertLead", #""leadId":"lead-1","accountId":"globex","contactId":"bill""#),
            code: .contactNotInAccount,
            field: "data.contactId"
        )
    }

    @Test func convertLeadRefusesANewContactWhoseEmailTheAccountHasAlready() throws {
        var domain = try Self.domainWithLead()
        try domain.run(
            Self.command(
                "CaptureLead",
                #""leadId":"lead-2","company":"Globex","lastName":"S","email":"hank@globex.example""#
            )
        )
        try domain.run(Self.command("ConvertLead", #""leadId":"lead-2","accountId":"globex","contactId":"hank""#))
        domain.expectRefusal(
            Self.command("ConvertLead", #""leadId":"lead-1","accountId":"globex","contactId":"hank-2""#),
            code: .duplicateContactEmail,
            field: "data.contactId"
        )
    }

    @Test func convertLeadNeedsAnOwnerWhenTheActorIsNoRecordId() throws {
        var domain = try Self.domainWithLead()
        domain.expectRefusal(
            Self.command(
                "ConvertLead",
                #""leadId":"lead-1","accountId":"globex","contactId":"hank""#,
                actor: "Jane Doe"
            ),
            code: .invalidId,
            field: "data.ownerId"
        )
    }
}
