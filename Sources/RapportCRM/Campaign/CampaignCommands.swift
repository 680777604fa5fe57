public import RapportTime

/// Launches a marketing campaign.
public struct LaunchCampaign: CommandPayload {
    public static let commandType = "LaunchCampaign"

    /// The new campaign's id.
    public var campaignId: RecordId
    /// The campaign's name (required).
    public var name: String
    /// The campaign's type, e.g. `Webinar`.
    public var type: Optional<String>
    /// What the campaign is planned to cost, not negative.
    public var budgetedCost: Optional<Money>
    /// The first day.
    public var startDate: Optional<CalendarDate>
    /// The last day, not before the first.
    public var endDate: Optional<CalendarDate>

    /// Creates the command.
    public init(
        campaignId: RecordId,
        name: String,
        type: String? = nil,
        budgetedCost: Money? = nil,
        startDate: CalendarDate? = nil,
        endDate: CalendarDate? = nil
    ) {
        self.campaignId = campaignId
        self.name = name
        self.type = type
        self.budgetedCost = budgetedCost
        self.startDate = startDate
        self.endDate = endDate
    }

    public var target: StreamName { StreamName(.campaign, campaignId) }
    public var command: CRMCommand { .campaign(.launch(self)) }
}

/// Records what a campaign has cost so far.
public struct RecordCampaignCost: CommandPayload {
    public static let commandType = "RecordCampaignCost"

    /// The campaign.
    public var campaignId: RecordId
    /// The campaign's total actual cost to date, not negative; it replaces the total recorded before.
    public var actualCost: Money

    /// Creates the command.
    public init(campaignId: RecordId, actualCost: Money) {
        self.campaignId = campaignId
        self.actualCost = actualCost
    }

    public var target: StreamName { StreamName(.campaign, campaignId) }
    public var command: CRMCommand { .campaign(.recordCost(self)) }
}

/// Completes a campaign; it takes no changes afterwards.
public struct CompleteCampaign: CommandPayload {
    public static let commandType = "CompleteCampaign"

    /// The campaign.
    public var campaignId: RecordId

    /// Creates the command.
    public init(campaignId: RecordId) {
        self.campaignId = campaignId
    }

    public var target: StreamName { StreamName(.campaign, campaignId) }
    public var command: CRMCommand { .campaign(.complete(self)) }
}
