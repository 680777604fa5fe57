public import RapportTime

/// What validation needs to know about one opportunity: no name, owner or history, so that millions fit in
/// memory.
public struct OpportunityState: Sendable, Hashable {
    /// Events in the opportunity's stream.
    public var version: UInt64
    /// The account the deal is with.
    public var accountId: RecordId
    /// The current stage's name.
    public var stage: String
    /// Whether the deal is closed, won or lost; a closed one takes no changes until it is reopened.
    public var isClosed: Bool
    /// The amount: set by hand, or the sum of the line items' totals while there are any.
    public var amount: Money
    /// The line items' totals (quantity times unit price) by line item id, so a removal can recompute the sum.
    public var lineItems: [RecordId: Money]
    /// When the deal is expected to close, or the day it closed.
    public var closeDate: CalendarDate

    /// Creates the state of an opportunity just opened.
    ///
    /// - Parameters:
    ///   - opened: The event that opened it.
    ///   - version: Its stream's version after the event.
    init(_ opened: OpportunityOpened, version: UInt64) {
        self.version = version
        self.accountId = opened.accountId
        self.stage = opened.stage
        self.isClosed = false
        self.amount = opened.amount
        self.lineItems = [:]
        self.closeDate = opened.closeDate
    }
}
