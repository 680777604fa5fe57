import RapportCRM
import RapportTime
import Testing

extension OpportunityDecisionTests {
    static let closeWon = command("CloseOpportunityWon", #""opportunityId":"deal-1""#)
    static let closeLost = command("CloseOpportunityLost", #""opportunityId":"deal-1","reason":"Went with a rival""#)

    @Test func closeOpportunityWonRecordsTheWonStageTheAmountAndTheDay() throws {
        var domain = try Self.domainWithOpportunity()
        domain.now = Timestamp(rfc3339: "2026-04-02T23:30:00Z")!
        let events = try domain.run(Self.closeWon)
        let expected = OpportunityClosedWon(
            stage: "Closed Won",
            probability: 100,
            forecastCategory: .closed,
            amount: Money(units: 1000),
            closeDate: CalendarDate(year: 2026, month: 4, day: 2)!
        )
        #expect(events == [NewEvent(Self.dealId, .opportunity(.closedWon(expected)))])
        let deal = try Self.deal(in: domain)
        #expect(deal.isClosed && deal.stage == "Closed Won" && deal.closeDate == expected.closeDate)
    }

    @Test func closeOpportunityWonTakesAGivenWonStage() throws {
        var domain = try Self.domainWithOpportunity()
        domain.configuration.salesStages.append(
            SalesStage(name: "Won Partner", probability: 100, forecastCategory: .closed, closed: true, won: true)
        )
        let events = try domain.run(
            Self.command("CloseOpportunityWon", #""opportunityId":"deal-1","stage":"Won Partner""#)
        )
        guard case .opportunity(.closedWon(let closed)) = events.first?.event else {
            Issue.record("expected OpportunityClosedWon, got \(events)")
            return
        }
        #expect(closed.stage == "Won Partner")
    }

    @Test(arguments: [
        (#""opportunityId":"nope""#, DomainError.Code.opportunityNotFound, "data.opportunityId"),
        (#""opportunityId":"deal-1","stage":"Closed Lost""#, .invalidStage, "data.stage"),
        (#""opportunityId":"deal-1","stage":"Negotiation/Review""#, .invalidStage, "data.stage"),
        (#""opportunityId":"deal-1","stage":"Champagne""#, .invalidStage, "data.stage"),
    ])
    func closeOpportunityWonRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.command("CloseOpportunityWon", data), code: code, field: field)
    }

    @Test func closeOpportunityLostRecordsTheReasonTheLostStageTheAmountAndTheDay() throws {
        var domain = try Self.domainWithOpportunity()
        let events = try domain.run(Self.closeLost)
        let expected = OpportunityClosedLost(
            reason: "Went with a rival",
            stage: "Closed Lost",
            probability: 0,
            forecastCategory: .omitted,
            amount: Money(units: 1000),
            closeDate: CalendarDate(year: 2026, month: 3, day: 1)!
        )
        #expect(events == [NewEvent(Self.dealId, .opportunity(.closedLost(expected)))])
        let deal = try Self.deal(in: domain)
        #expect(deal.isClosed && deal.stage == "Closed Lost" && deal.closeDate == expected.closeDate)
    }

    @Test(arguments: [
        (#""opportunityId":"nope","reason":"r""#, DomainError.Code.opportunityNotFound, "data.opportunityId"),
        (#""opportunityId":"deal-1","reason":"""#, .invalidField, "data.reason"),
        (#""opportunityId":"deal-1""#, .missingField, "data.reason"),
        (#""opportunityId":"deal-1","reason":"r","stage":"Closed Won""#, .invalidStage, "data.stage"),
        (#""opportunityId":"deal-1","reason":"r","stage":"Prospecting""#, .invalidStage, "data.stage"),
    ])
    func closeOpportunityLostRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.command("CloseOpportunityLost", data), code: code, field: field)
    }

    @Test func reopenOpportunityReturnsItToAnOpenStage() throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.closeLost)
        let events = try domain.run(
            Self.command("ReopenOpportunity", #""opportunityId":"deal-1","stage":"Qualification""#)
        )
        let expected = OpportunityReopened(
            fromStage: "Closed Lost",
            toStage: "Qualification",
            probability: 10,
            forecastCategory: .pipeline
        )
        #expect(events == [NewEvent(Self.dealId, .opportunity(.reopened(expected)))])
        let deal = try Self.deal(in: domain)
        #expect(!deal.isClosed && deal.stage == "Qualification" && deal.version == 3)
        try domain.run(Self.command("ChangeOpportunityAmount", #""opportunityId":"deal-1","amount":10"#))
    }

    @Test func reopenOpportunityRefusesAnOpenOne() throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(
            Self.command("ReopenOpportunity", #""opportunityId":"deal-1","stage":"Qualification""#),
            code: .opportunityNotClosed,
            field: "data.opportunityId"
        )
    }

    @Test(arguments: [
        (
            #""opportunityId":"nope","stage":"Qualification""#, DomainError.Code.opportunityNotFound,
            "data.opportunityId"
        ),
        (#""opportunityId":"deal-1","stage":"Closed Won""#, .invalidStage, "data.stage"),
        (#""opportunityId":"deal-1","stage":"Limbo""#, .invalidStage, "data.stage"),
    ])
    func reopenOpportunityRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.closeWon)
        domain.expectRefusal(Self.command("ReopenOpportunity", data), code: code, field: field)
    }

    /// Every command but reopen, each valid on an open `deal-1`.
    static let changes = [
        command("ChangeOpportunityStage", #""opportunityId":"deal-1","stage":"Qualification""#),
        command("ChangeOpportunityAmount", #""opportunityId":"deal-1","amount":5"#),
        command("MoveOpportunityCloseDate", #""opportunityId":"deal-1","closeDate":"2026-12-01""#),
        addLineItem("line-9", quantity: 1, unitPrice: "1"),
        removeLineItem("line-1"),
        closeWon,
        closeLost,
    ]

    @Test(arguments: changes)
    func closedOpportunitiesRefuseEverythingButReopen(change: String) throws {
        for close in [Self.closeWon, Self.closeLost] {
            var domain = try Self.domainWithOpportunity()
            try domain.run(Self.addLineItem("line-1", quantity: 1, unitPrice: "1"))
            try domain.run(close)
            domain.expectRefusal(change, code: .opportunityClosed, field: "data.opportunityId")
        }
    }

    @Test func aMergeMovesTheOpportunityToTheSurvivor() throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.command("OpenAccount", #""accountId":"acme-2","name":"Acme Inc","ownerId":"user-1""#))
        try domain.run(Self.command("MergeAccounts", #""accountId":"acme-2","mergedAccountId":"acme""#))
        let survivor = Self.id("acme-2")
        #expect(try Self.deal(in: domain).accountId == survivor)
        #expect(domain.state.accounts[survivor]?.opportunities == [Self.dealId])
        #expect(domain.state.accounts[Self.accountId]?.opportunities == [])
    }
}
