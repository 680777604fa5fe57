/// Closes an open opportunity as won, on the day the command happens.
public struct CloseOpportunityWon: CommandPayload {
    public static let commandType = "CloseOpportunityWon"

    /// The opportunity.
    public var opportunityId: RecordId
    /// A configured closed won stage; the configuration's first one when left out.
    public var stage: Optional<String>

    /// Creates the command.
    public init(opportunityId: RecordId, stage: String? = nil) {
        self.opportunityId = opportunityId
        self.stage = stage
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.closeWon(self)) }
}

/// Closes an open opportunity as lost, on the day the command happens, saying why.
public struct CloseOpportunityLost: CommandPayload {
    public static let commandType = "CloseOpportunityLost"

    /// The opportunity.
    public var opportunityId: RecordId
    /// Why the deal was lost (required, at most 255 characters).
    public var reason: String
    /// A configured closed lost stage; the configuration's first one when left out.
    public var stage: Optional<String>

    /// Creates the command.
    public init(opportunityId: RecordId, reason: String, stage: String? = nil) {
        self.opportunityId = opportunityId
        self.reason = reason
        self.stage = stage
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.closeLost(self)) }
}

/// Reopens a closed opportunity in an open stage.
public struct ReopenOpportunity: CommandPayload {
    public static let commandType = "ReopenOpportunity"

    /// The opportunity.
    public var opportunityId: RecordId
    /// The configured open stage it goes back to.
    public var stage: String

    /// Creates the command.
    public init(opportunityId: RecordId, stage: String) {
        self.opportunityId = opportunityId
        self.stage = stage
    }

    public var target: StreamName { StreamName(.opportunity, opportunityId) }
    public var command: CRMCommand { .opportunity(.reopen(self)) }
}
