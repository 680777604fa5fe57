extension DecisionState {
    func decideAddLineItem(_ command: AddLineItem) throws -> [NewEvent] {
        let opportunity = try openOpportunity(command.opportunityId)
        guard opportunity.lineItems[command.lineItemId] == nil else {
            throw DomainError(
                .lineItemExists,
                field: "data.lineItemId",
                "data.lineItemId names line item \(command.lineItemId), which the opportunity already has"
            )
        }
        let quantity = try FieldRules.number(command.quantity, in: 1...1_000_000, field: "data.quantity")
        let unitPrice = try FieldRules.nonNegative(command.unitPrice, field: "data.unitPrice")
        let (total, overflow) = unitPrice.tenThousandths.multipliedReportingOverflow(by: Int64(quantity))
        // Each total is at most the maximum before any is summed, so the sum cannot overflow either.
        let amount: Money? =
            overflow || total > Money.maximum.tenThousandths
            ? nil : opportunity.lineItems.values.reduce(Money(tenThousandths: total), +)
        guard let amount, amount <= Money.maximum else {
            throw DomainError(
                .invalidField,
                field: "data.unitPrice",
                "data.unitPrice times data.quantity would make the opportunity's amount more than \(Money.maximum)"
            )
        }
        let event = OpportunityLineItemAdded(
            lineItemId: command.lineItemId,
            productId: command.productId,
            quantity: quantity,
            unitPrice: unitPrice,
            amount: amount
        )
        return [NewEvent(command.opportunityId, .opportunity(.lineItemAdded(event)))]
    }

    func decideRemoveLineItem(_ command: RemoveLineItem) throws -> [NewEvent] {
        let opportunity = try openOpportunity(command.opportunityId)
        guard opportunity.lineItems[command.lineItemId] != nil else {
            throw DomainError(
                .lineItemNotFound,
                field: "data.lineItemId",
                "data.lineItemId names line item \(command.lineItemId), which the opportunity does not have"
            )
        }
        let remaining = opportunity.lineItems.filter { $0.key != command.lineItemId }
        // With no line item left nothing sets the amount any more: it keeps the value it had.
        let amount = remaining.isEmpty ? opportunity.amount : remaining.values.reduce(.zero, +)
        let event = OpportunityLineItemRemoved(lineItemId: command.lineItemId, amount: amount)
        return [NewEvent(command.opportunityId, .opportunity(.lineItemRemoved(event)))]
    }
}
