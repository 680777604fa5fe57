/// The commands about a campaign.
public enum CampaignCommand: Sendable, Hashable {
    case launch(LaunchCampaign)
    case addMember(AddCampaignMember)
    case recordResponse(RecordCampaignResponse)
    case recordCost(RecordCampaignCost)
    case complete(CompleteCampaign)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .launch(let command): command
        case .addMember(let command): command
        case .recordResponse(let command): command
        case .recordCost(let command): command
        case .complete(let command): command
        }
    }

    static let payloadTypes: [any CommandPayload.Type] = [
        LaunchCampaign.self, AddCampaignMember.self, RecordCampaignResponse.self, RecordCampaignCost.self,
        CompleteCampaign.self,
    ]
}
