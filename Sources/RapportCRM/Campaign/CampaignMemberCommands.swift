/// Adds a lead or a contact to a campaign's members; exactly one of `leadId` and `contactId` is given.
public struct AddCampaignMember: CommandPayload {
    public static let commandType = "AddCampaignMember"

    /// The campaign.
    public var campaignId: RecordId
    /// The lead to add, which must exist.
    public var leadId: Optional<RecordId>
    /// The contact to add, which must exist.
    public var contactId: Optional<RecordId>

    /// Creates the command.
    public init(campaignId: RecordId, leadId: RecordId? = nil, contactId: RecordId? = nil) {
        self.campaignId = campaignId
        self.leadId = leadId
        self.contactId = contactId
    }

    public var target: StreamName { StreamName(.campaign, campaignId) }
    public var command: CRMCommand { .campaign(.addMember(self)) }
}

/// Records that a campaign's member responded, e.g. registered or clicked; exactly one of `leadId` and
/// `contactId` is given.
public struct RecordCampaignResponse: CommandPayload {
    public static let commandType = "RecordCampaignResponse"

    /// The campaign.
    public var campaignId: RecordId
    /// The member, when it is a lead.
    public var leadId: Optional<RecordId>
    /// The member, when it is a contact.
    public var contactId: Optional<RecordId>

    /// Creates the command.
    public init(campaignId: RecordId, leadId: RecordId? = nil, contactId: RecordId? = nil) {
        self.campaignId = campaignId
        self.leadId = leadId
        self.contactId = contactId
    }

    public var target: StreamName { StreamName(.campaign, campaignId) }
    public var command: CRMCommand { .campaign(.recordResponse(self)) }
}
