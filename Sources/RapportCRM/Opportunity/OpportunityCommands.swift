public import RapportTime

/// Opens an opportunity: a deal in progress with an account.
public struct OpenOpportunity: CommandPayload {
    public static let commandType = "OpenOpportunity"

    /// The new opportunity's id.
    public var opportunityId: RecordId
    /// The account the deal is with, which must take new records.
    public var accountId: RecordId
    /// The deal's name (required, at most 255 characters).
    public var name: String
    /// The expected amount, not negative; 0 when left out.
    public var amount: Optional<Money>
    /// The ISO 4217 currency of the amount; `USD` when left out.
    public var currency: Optional<String>
    /// When the deal is expected to close.
    public var closeDate: CalendarDate
    /// A configured open stage; the configuration's first open stage when left out.
    public var stage: Optional<String>
    /// The owning user.
    public var ownerId: RecordId
    /// The campaign that sourced the deal, which must exist.
    public var campaignId: Optional<RecordId>

    /// Creates the command.
    public init(
        opportunityId: RecordId,
        accountId: RecordId,
        name: String,
        amount: Money? = nil,
        currency: String? = nil,
        closeDate: CalendarDate,
        stage: String? = nil,
        ownerId: RecordId,
        campaignId: RecordId? = nil
    ) {
        self.opportunityId = opportunityId
        self.accountId = accountId
        self.name = name
        self.amount = amount
        self.currency = currency
        self.closeDate = closeDate
        self.stage = stage
        self.ownerId = ownerId
        self.campaignId = campaignId
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.open(self)) }
}

/// Moves an open opportunity to another open stage; closing it takes ``CloseOpportunityWon`` or
/// ``CloseOpportunityLost``.
public struct ChangeOpportunityStage: CommandPayload {
    public static let commandType = "ChangeOpportunityStage"

    /// The opportunity.
    public var opportunityId: RecordId
    /// The configured open stage to move to.
    public var stage: String

    /// Creates the command.
    public init(opportunityId: RecordId, stage: String) {
        self.opportunityId = opportunityId
        self.stage = stage
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.changeStage(self)) }
}

/// Sets an open opportunity's amount by hand, which only an opportunity without line items allows.
public struct ChangeOpportunityAmount: CommandPayload {
    public static let commandType = "ChangeOpportunityAmount"

    /// The opportunity.
    public var opportunityId: RecordId
    /// The new amount, not negative.
    public var amount: Money

    /// Creates the command.
    public init(opportunityId: RecordId, amount: Money) {
        self.opportunityId = opportunityId
        self.amount = amount
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.changeAmount(self)) }
}

/// Moves an open opportunity's expected close date.
public struct MoveOpportunityCloseDate: CommandPayload {
    public static let commandType = "MoveOpportunityCloseDate"

    /// The opportunity.
    public var opportunityId: RecordId
    /// The new expected close date.
    public var closeDate: CalendarDate

    /// Creates the command.
    public init(opportunityId: RecordId, closeDate: CalendarDate) {
        self.opportunityId = opportunityId
        self.closeDate = closeDate
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.moveCloseDate(self)) }
}
