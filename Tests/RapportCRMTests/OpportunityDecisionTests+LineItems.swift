import RapportCRM
import Testing

extension OpportunityDecisionTests {
    /// An AddLineItem for `deal-1` selling a quantity of `product-1` at a unit price (JSON number text).
    static func addLineItem(_ lineItemId: String, quantity: Int, unitPrice: String) -> String {
        command(
            "AddLineItem",
            #""opportunityId":"deal-1","lineItemId":"\#(lineItemId)","productId":"product-1","quantity":\#(quantity),"unitPrice":\#(unitPrice)"#
        )
    }

    /// A RemoveLineItem for `deal-1`.
    static func removeLineItem(_ lineItemId: String) -> String {
        command("RemoveLineItem", #""opportunityId":"deal-1","lineItemId":"\#(lineItemId)""#)
    }

    @Test func addLineItemMakesTheAmountTheSumOfTheLineTotals() throws {
        var domain = try Self.domainWithOpportunity()
        let first = try domain.run(Self.addLineItem("line-1", quantity: 3, unitPrice: "19.99"))
        let expected = OpportunityLineItemAdded(
            lineItemId: Self.id("line-1"),
            productId: Self.id("product-1"),
            quantity: 3,
            unitPrice: Money(tenThousandths: 199_900),
            amount: Money(tenThousandths: 599_700)
        )
        #expect(first == [NewEvent(Self.dealId, .opportunity(.lineItemAdded(expected)))])
        let second = try domain.run(Self.addLineItem("line-2", quantity: 1, unitPrice: "100"))
        guard case .opportunity(.lineItemAdded(let added)) = second.first?.event else {
            Issue.record("expected OpportunityLineItemAdded, got \(second)")
            return
        }
        #expect(added.amount == Money(tenThousandths: 1_599_700))
        let deal = try Self.deal(in: domain)
        #expect(deal.amount == Money(tenThousandths: 1_599_700) && deal.version == 3)
        #expect(
            deal.lineItems == [
                Self.id("line-1"): Money(tenThousandths: 599_700),
                Self.id("line-2"): Money(units: 100),
            ]
        )
    }

    @Test func addLineItemRefusesAnIdTheOpportunityHas() throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.addLineItem("line-1", quantity: 1, unitPrice: "5"))
        domain.expectRefusal(
            Self.addLineItem("line-1", quantity: 2, unitPrice: "5"),
            code: .lineItemExists,
            field: "data.lineItemId"
        )
    }

    @Test func addLineItemRefusesAnAmountBeyondTheMaximum() throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.addLineItem("line-1", quantity: 1, unitPrice: "600000000000"))
        domain.expectRefusal(
            Self.addLineItem("line-2", quantity: 1, unitPrice: "600000000000"),
            code: .invalidField,
            field: "data.unitPrice"
        )
        domain.expectRefusal(
            Self.addLineItem("line-3", quantity: 1_000_000, unitPrice: "999999999999"),
            code: .invalidField,
            field: "data.unitPrice"
        )
        // 922 times a trillion fits in 64 bits, but not once the first line's total is added to it.
        domain.expectRefusal(
            Self.addLineItem("line-4", quantity: 922, unitPrice: "1000000000000"),
            code: .invalidField,
            field: "data.unitPrice"
        )
    }

    @Test(arguments: [
        (
            #""opportunityId":"nope","lineItemId":"l","productId":"p","quantity":1,"unitPrice":1"#,
            DomainError.Code.opportunityNotFound, "data.opportunityId"
        ),
        (
            #""opportunityId":"deal-1","lineItemId":"l","productId":"p","quantity":0,"unitPrice":1"#, .invalidField,
            "data.quantity"
        ),
        (
            #""opportunityId":"deal-1","lineItemId":"l","productId":"p","quantity":1000001,"unitPrice":1"#,
            .invalidField, "data.quantity"
        ),
        (
            #""opportunityId":"deal-1","lineItemId":"l","productId":"p","quantity":1,"unitPrice":-1"#, .invalidField,
            "data.unitPrice"
        ),
        (
            #""opportunityId":"deal-1","lineItemId":"l","productId":"p p","quantity":1,"unitPrice":1"#, .invalidId,
            "data.productId"
        ),
    ])
    func addLineItemRefuses(data: String, code: DomainError.Code, field: String) throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.command("AddLineItem", data), code: code, field: field)
    }

    @Test func removeLineItemRecomputesTheAmountFromTheRemainingItems() throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.addLineItem("line-1", quantity: 2, unitPrice: "50"))
        try domain.run(Self.addLineItem("line-2", quantity: 1, unitPrice: "30"))
        let events = try domain.run(Self.removeLineItem("line-1"))
        let expected = OpportunityLineItemRemoved(lineItemId: Self.id("line-1"), amount: Money(units: 30))
        #expect(events == [NewEvent(Self.dealId, .opportunity(.lineItemRemoved(expected)))])
        let deal = try Self.deal(in: domain)
        #expect(deal.amount == Money(units: 30) && deal.lineItems == [Self.id("line-2"): Money(units: 30)])
    }

    @Test func removingTheLastLineItemKeepsTheAmountAndFreesItAgain() throws {
        var domain = try Self.domainWithOpportunity()
        try domain.run(Self.addLineItem("line-1", quantity: 4, unitPrice: "25"))
        let events = try domain.run(Self.removeLineItem("line-1"))
        let expected = OpportunityLineItemRemoved(lineItemId: Self.id("line-1"), amount: Money(units: 100))
        #expect(events == [NewEvent(Self.dealId, .opportunity(.lineItemRemoved(expected)))])
        #expect(try Self.deal(in: domain).lineItems.isEmpty)
        try domain.run(Self.command("ChangeOpportunityAmount", #""opportunityId":"deal-1","amount":80"#))
        #expect(try Self.deal(in: domain).amount == Money(units: 80))
    }

    @Test func removeLineItemRefusesAnIdTheOpportunityDoesNotHave() throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(Self.removeLineItem("line-1"), code: .lineItemNotFound, field: "data.lineItemId")
    }

    @Test func removeLineItemRefusesAnUnknownOpportunity() throws {
        var domain = try Self.domainWithOpportunity()
        domain.expectRefusal(
            Self.command("RemoveLineItem", #""opportunityId":"nope","lineItemId":"line-1""#),
            code: .opportunityNotFound,
            field: "data.opportunityId"
        )
    }
}
