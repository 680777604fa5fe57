/// Adds a product to an open opportunity; while it has line items, its amount is the sum of their totals.
public struct AddLineItem: CommandPayload {
    public static let commandType = "AddLineItem"

    /// The opportunity.
    public var opportunityId: RecordId
    /// The line item's id, unique within the opportunity.
    public var lineItemId: RecordId
    /// The product sold.
    public var productId: RecordId
    /// How many, 1 to 1,000,000.
    public var quantity: Int
    /// The price of one, not negative.
    public var unitPrice: Money

    /// Creates the command.
    public init(opportunityId: RecordId, lineItemId: RecordId, productId: RecordId, quantity: Int, unitPrice: Money) {
        self.opportunityId = opportunityId
        self.lineItemId = lineItemId
        self.productId = productId
        self.quantity = quantity
        self.unitPrice = unitPrice
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.addLineItem(self)) }
}

/// Removes a line item from an open opportunity, whose amount becomes the sum of the remaining ones; when the
/// last one goes, the amount keeps its value and can be set by hand again.
public struct RemoveLineItem: CommandPayload {
    public static let commandType = "RemoveLineItem"

    /// The opportunity.
    public var opportunityId: RecordId
    /// The line item to remove.
    public var lineItemId: RecordId

    /// Creates the command.
    public init(opportunityId: RecordId, lineItemId: RecordId) {
        self.opportunityId = opportunityId
        self.lineItemId = lineItemId
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.removeLineItem(self)) }
}
