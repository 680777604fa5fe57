/// A product was added to an open opportunity as a line item.
public struct OpportunityLineItemAdded: EventPayload {
    public static let eventType = "OpportunityLineItemAdded"

    /// The line item's id, unique within the opportunity.
    public var lineItemId: RecordId
    /// The product sold.
    public var productId: RecordId
    /// How many.
    public var quantity: Int
    /// The price of one.
    public var unitPrice: Money
    /// The opportunity's amount now: the sum of its line items' totals.
    public var amount: Money

    /// Creates the event.
    public init(lineItemId: RecordId, productId: RecordId, quantity: Int, unitPrice: Money, amount: Money) {
        self.lineItemId = lineItemId
        self.productId = productId
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
    }

    /// The line item's total, quantity times unit price; never traps, even on a damaged event.
    public var lineTotal: Money {
        Money(tenThousandths: unitPrice.tenThousandths.multipliedReportingOverflow(by: Int64(quantity)).partialValue)
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(lineItemId)
        writer.write(productId)
        writer.write(quantity)
        writer.write(unitPrice)
        writer.write(amount)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("amount", amount)
        object.member("lineItemId", lineItemId)
        object.member("productId", productId)
        object.member("quantity", quantity)
        object.member("unitPrice", unitPrice)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            lineItemId: try reader.read(),
            productId: try reader.read(),
            quantity: try reader.read(),
            unitPrice: try reader.read(),
            amount: try reader.read()
        )
    }
}

/// A line item was removed from an open opportunity.
public struct OpportunityLineItemRemoved: EventPayload {
    public static let eventType = "OpportunityLineItemRemoved"

    /// The line item removed.
    public var lineItemId: RecordId
    /// The opportunity's amount now: the sum of the remaining line items' totals, or, when the last one went,
    /// the amount it had (it can then be set by hand again).
    public var amount: Money

    /// Creates the event.
    public init(lineItemId: RecordId, amount: Money) {
        self.lineItemId = lineItemId
        self.amount = amount
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(lineItemId)
        writer.write(amount)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("amount", amount)
        object.member("lineItemId", lineItemId)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(lineItemId: try reader.read(), amount: try reader.read())
    }
}
