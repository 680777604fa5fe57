extension DomainError.Code {
    /// The opportunity named does not exist.
    public static let opportunityNotFound = Self("opportunity_not_found")
    /// An opportunity with the id already exists.
    public static let opportunityExists = Self("opportunity_exists")
    /// The opportunity is closed (won or lost) and takes no changes until it is reopened.
    public static let opportunityClosed = Self("opportunity_closed")
    /// Only a closed opportunity can be reopened.
    public static let opportunityNotClosed = Self("opportunity_not_closed")
    /// The stage is not configured, or not one the command may move to (an open stage to work in, a closed
    /// won or lost stage to close with).
    public static let invalidStage = Self("invalid_stage")
    /// The opportunity has line items, so its amount is their sum and cannot be set by hand.
    public static let amountSetByLineItems = Self("amount_set_by_line_items")
    /// The opportunity already has a line item with the id.
    public static let lineItemExists = Self("line_item_exists")
    /// The opportunity has no line item with the id.
    public static let lineItemNotFound = Self("line_item_not_found")
}
