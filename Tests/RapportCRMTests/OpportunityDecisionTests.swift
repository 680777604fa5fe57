import RapportCRM
import RapportTime
import Testing

struct OpportunityDecisionTests {
    /// A command of the given type by `user-1` with the given `data` fields.
    static func command(_ type: String, _ data: String) -> String {
        #"{"type":"\#(type)","actor":"user-1","data":{\#(data)}}"#
    }

    static let openAccount = command("OpenAccount", #""accountId":"acme","name":"Acme","ownerId":"user-1""#)
    static let open = command(
        "OpenOpportunity",
        #""opportunityId":"deal-1","accountId":"acme","name":"Acme renewal","amount":1000,"closeDate":"2026-06-30","ownerId":"user-1""#
    )

    /// An id known to be valid.
    static func id(_ text: String) -> RecordId { try! RecordId(text) }

    static let accountId = id("acme")
    static let dealId = id("deal-1")
    static let june30 = CalendarDate(year: 2026, month: 6, day: 30)!

    /// A domain holding the account `acme` and its opportunity `deal-1` (amount 1000, Prospecting, closing
    /// 2026-06-30).
    static func domainWithOpportunity() throws -> Decisions {
        var domain = Decisions()
        try domain.run(openAccount)
        try domain.run(open)
        return domain
    }

    /// The opportunity `deal-1` of a domain.
    static func deal(in domain: Decisions) throws -> OpportunityState {
        try #require(domain.state.opportunities[dealId])
    }

    // MARK: OpenOpportunity

    @Test func openOpportunityStartsInTheFirstOpenStageWithItsProbabilityAndCategory() throws {
        var domain = Decisions()
        try domain.run(Self.openAccount)
        let events = try domain.run(Self.open)
        let expected = OpportunityOpened(
            accountId: Self.accountId,
            name: "Acme renewal",
            amount: Money(units: 1000),
            currency: "USD",
            closeDate: Self.june30,
            stage: "Prospecting",
            probability: 10,
            forecastCategory: .pipeline,
            ownerId: Self.id("user-1")
        )
        #expect(events == [NewEvent(Self.dealId, .opportunity(.opened(expected)))])
        let deal = try Self.deal(in: domain)
        #expect(deal.version == 1 && deal.accountId == Self.accountId && deal.stage == "Prospecting")
        #expect(!deal.isClosed && deal.amount == Money(units: 1000) && deal.closeDate == Self.june30)
        #expect(deal.lineItems.isEmpty)
        #expect(domain.state.accounts[Self.accountId]?.opportunities == [Self.dealId])
    }

    @Test func openOpportunityTakesTheGivenStageCurrencyAndCampaign() throws {
        var domain = Decisions()
        try domain.run(Self.openAccount)
        try domain.run(Self.command("LaunchCampaign", #""campaignId":"spring","name":"Spring webinar""#))
        let events = try domain.run(
            Self.command(
                "OpenOpportunity",
                #""opportunityId":"deal-2","accountId":"acme","name":"Acme EU","currency":"EUR","closeDate":"2026-09-01","stage":"Value Proposition","ownerId":"user-2","campaignId":"spring""#
            )
        )
        guard case .opportunity(.opened(let opened)) = events.first?.event, events.count == 1 else {
            Issue.record("expected OpportunityOpened, got \(events)")
            return
        }
        #expect(opened.amount == .zero && opened.currency == "EUR")
        #expect(opened.stage == "Value Proposition" && opened.probability == 50 && opened.forecastCategory == .pipeline)
        #expect(opened.campaignId == Self.id("spring") && opened.convertedFromLeadId == nil)
        #expect(domain.state.opportunities[Self.id("deal-2")]?.stage == "Value Proposition")
    }

    @Test func openOpportunityRecordsTheConfigurationInForce() throws {
        var domain = Decisions()
        domain.configuration.salesStages[0] = SalesStage(name: "Discovery", probability: 5, forecastCategory: .bestCase)
        try domain.run(Self.openAccount)
        let events = try domain.run(Self.open)
        guard case .opportunity(.opened(let opened)) = events.first?.event else {
            Issue.record("expected OpportunityOpened, got \(events)")
            return
        }
        #expect(opened.stage == "Discovery" && opened.probability == 5 && opened.forecastCategory == .bestCase)
    }

    @Test func openOpportunityRefusesAnExistingId() throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.open, code: .opportunityExists, field: "data.opportunityId")
    }

    @Test func openOpportunityRefusesADeactivatedAccount() throws {
        var domain = Decisions()
        try domain.run(Self.openAccount)
        try domain.run(Self.command("DeactivateAccount", #""accountId":"acme""#))
        domain.expectRefusal(Self.open, code: .accountInactive, field: "data.accountId")
    }

    @Test func openOpportunityRefusesAMergedAccount() throws {
        var domain = Decisions()
        try domain.run(Self.openAccount)
        try domain.run(Self.command("OpenAccount", #""accountId":"acme-2","name":"Acme Inc","ownerId":"user-1""#))
        try domain.run(Self.command("MergeAccounts", #""accountId":"acme-2","mergedAccountId":"acme""#))
        domain.expectRefusal(Self.open, code: .accountMerged, field: "data.accountId")
    }

    /// Fields of an OpenOpportunity that break one rule each, the code and the field named.
    static let openRefusals: [(String, DomainError.Code, String)] = [
        (
            #""accountId":"nobody","name":"N","closeDate":"2026-06-30","ownerId":"u""#, .accountNotFound,
            "data.accountId"
        ),
        (#""accountId":"acme","name":" ","closeDate":"2026-06-30","ownerId":"u""#, .invalidField, "data.name"),
        (
            #""accountId":"acme","name":"N","amount":-1,"closeDate":"2026-06-30","ownerId":"u""#, .invalidField,
            "data.amount"
        ),
        (
            #""accountId":"acme","name":"N","currency":"usd","closeDate":"2026-06-30","ownerId":"u""#, .invalidField,
            "data.currency"
        ),
        (#""accountId":"acme","name":"N","closeDate":"2026-02-30","ownerId":"u""#, .invalidField, "data.closeDate"),
        (#""accountId":"acme","name":"N","ownerId":"u""#, .missingField, "data.closeDate"),
        (
            #""accountId":"acme","name":"N","closeDate":"2026-06-30","ownerId":"u","stage":"Dreaming""#, .invalidStage,
            "data.stage"
        ),
        (
            #""accountId":"acme","name":"N","closeDate":"2026-06-30","ownerId":"u","stage":"Closed Won""#,
            .invalidStage, "data.stage"
        ),
        (
            #""accountId":"acme","name":"N","closeDate":"2026-06-30","ownerId":"u","campaignId":"nope""#,
            .campaignNotFound, "data.campaignId"
        ),
    ]

    @Test(arguments: openRefusals)
    func openOpportunityRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = Decisions()
        try domain.run(Self.openAccount)
        domain.expectRefusal(
            Self.command("OpenOpportunity", #""opportunityId":"deal-9","# + data),
            code: code,
            field: field
        )
    }

    // MARK: ChangeOpportunityStage

    @Test func changeOpportunityStageRecordsTheNewStagesProbabilityAndCategory() throws {
        var domain = try Self.domainWithOpportunity()
        let events = try domain.run(
            Self.command("ChangeOpportunityStage", #""opportunityId":"deal-1","stage":"Negotiation/Review""#)
        )
        let expected = OpportunityStageChanged(
            fromStage: "Prospecting",
            toStage: "Negotiation/Review",
            probability: 90,
            forecastCategory: .pipeline
        )
        #expect(events == [NewEvent(Self.dealId, .opportunity(.stageChanged(expected)))])
        let deal = try Self.deal(in: domain)
        #expect(deal.stage == "Negotiation/Review" && deal.version == 2)
    }

    @Test func changeOpportunityStageToTheSameStageChangesNothing() throws {
        var domain = try Self.domainWithOpportunity()
        let events = try domain.run(
            Self.command("ChangeOpportunityStage", #""opportunityId":"deal-1","stage":"Prospecting""#)
        )
        #expect(events.isEmpty)
        #expect(try Self.deal(in: domain).version == 1)
    }

    static let stageRefusals: [(String, DomainError.Code, String)] = [
        (#""opportunityId":"nope","stage":"Qualification""#, .opportunityNotFound, "data.opportunityId"),
        (#""opportunityId":"deal-1","stage":"Dreaming""#, .invalidStage, "data.stage"),
        (#""opportunityId":"deal-1","stage":"Closed Lost""#, .invalidStage, "data.stage"),
        (#""opportunityId":"deal-1","stage":"Qualification","colour":"red""#, .unknownField, "data.colour"),
    ]

    @Test(arguments: stageRefusals)
    func changeOpportunityStageRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.command("ChangeOpportunityStage", data), code: code, field: field)
    }

    // MARK: ChangeOpportunityAmount

    @Test func changeOpportunityAmountRecordsBothAmounts() throws {
        var domain = try Self.domainWithOpportunity()
        let events = try domain.run(
            Self.command("ChangeOpportunityAmount", #""opportunityId":"deal-1","amount":2500.75"#)
        )
        let expected = OpportunityAmountChanged(from: Money(units: 1000), to: Money(tenThousandths: 25_007_500))
        #expect(events == [NewEvent(Self.dealId, .opportunity(.amountChanged(expected)))])
        #expect(try Self.deal(in: domain).amount == Money(tenThousandths: 25_007_500))
    }

    @Test func changeOpportunityAmountToTheSameAmountChangesNothing() throws {
        var domain = try Self.domainWithOpportunity()
        #expect(
            try domain.run(Self.command("ChangeOpportunityAmount", #""opportunityId":"deal-1","amount":1000"#)) == []
        )
    }

    @Test(arguments: [
        (#""opportunityId":"nope","amount":5"#, DomainError.Code.opportunityNotFound, "data.opportunityId"),
        (#""opportunityId":"deal-1","amount":-0.01"#, .invalidField, "data.amount"),
    ])
    func changeOpportunityAmountRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.command("ChangeOpportunityAmount", data), code: code, field: field)
    }

    @Test func changeOpportunityAmountRefusesWhileLineItemsSetIt() throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.addLineItem("line-1", quantity: 2, unitPrice: "10"))
        domain.expectRefusal(
            Self.command("ChangeOpportunityAmount", #""opportunityId":"deal-1","amount":5"#),
            code: .amountSetByLineItems,
            field: "data.amount"
        )
    }

    // MARK: MoveOpportunityCloseDate

    @Test func moveOpportunityCloseDateRecordsBothDates() throws {
        var domain = try Self.domainWithOpportunity()
        let events = try domain.run(
            Self.command("MoveOpportunityCloseDate", #""opportunityId":"deal-1","closeDate":"2026-08-15""#)
        )
        let august15 = CalendarDate(year: 2026, month: 8, day: 15)!
        let expected = OpportunityCloseDateMoved(from: Self.june30, to: august15)
        #expect(events == [NewEvent(Self.dealId, .opportunity(.closeDateMoved(expected)))])
        #expect(try Self.deal(in: domain).closeDate == august15)
    }

    @Test func moveOpportunityCloseDateToTheSameDayChangesNothing() throws {
        var domain = try Self.domainWithOpportunity()
        let same = Self.command("MoveOpportunityCloseDate", #""opportunityId":"deal-1","closeDate":"2026-06-30""#)
        #expect(try domain.run(same) == [])
    }

    @Test(arguments: [
        (
            #""opportunityId":"nope","closeDate":"2026-08-15""#, DomainError.Code.opportunityNotFound,
            "data.opportunityId"
        ),
        (#""opportunityId":"deal-1","closeDate":"15/08/2026""#, .invalidField, "data.closeDate"),
    ])
    func moveOpportunityCloseDateRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.command("MoveOpportunityCloseDate", data), code: code, field: field)
    }
}
