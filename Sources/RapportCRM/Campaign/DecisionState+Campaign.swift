extension DecisionState {
    func decide(_ command: CampaignCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .launch(let command): try decideLaunch(command)
        case .addMember(let command): try decideAddMember(command)
        case .recordResponse(let command): try decideRecordResponse(command)
        case .recordCost(let command): try decideRecordCost(command)
        case .complete(let command): try decideComplete(command)
        }
    }

    /// The campaign, when it exists and has not been completed.
    ///
    /// - Parameters:
    ///   - id: The campaign's id.
    ///   - field: The field that named it.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `campaign_not_found` or `campaign_completed`.
    func runningCampaign(_ id: RecordId, field: String) throws -> CampaignState {
        guard let campaign = campaigns[id] else {
            throw DomainError(.campaignNotFound, field: field, "\(field) names campaign \(id), which does not exist")
        }
        guard !campaign.completed else {
            throw DomainError(
                .campaignCompleted,
                field: field,
                "\(field) names campaign \(id), which was completed and takes no changes"
            )
        }
        return campaign
    }

    private func decideLaunch(_ command: LaunchCampaign) throws -> [NewEvent] {
        guard campaigns[command.campaignId] == nil else {
            throw DomainError(
                .campaignExists,
                field: "data.campaignId",
                "data.campaignId names campaign \(command.campaignId), which already exists"
            )
        }
        if let start = command.startDate, let end = command.endDate, end < start {
            throw DomainError(
                .invalidField,
                field: "data.endDate",
                "data.endDate \(end) must not be before data.startDate \(start)"
            )
        }
        let event = CampaignLaunched(
            name: try FieldRules.text(command.name, field: "data.name"),
            type: try FieldRules.optionalText(command.type, field: "data.type"),
            budgetedCost: try command.budgetedCost.map { try FieldRules.nonNegative($0, field: "data.budgetedCost") },
            startDate: command.startDate,
            endDate: command.endDate
        )
        return [NewEvent(command.campaignId, .campaign(.launched(event)))]
    }

    private func decideAddMember(_ command: AddCampaignMember) throws -> [NewEvent] {
        let campaign = try runningCampaign(command.campaignId, field: "data.campaignId")
        let member = try Self.member(leadId: command.leadId, contactId: command.contactId)
        let field = Self.field(of: member)
        switch member.kind {
        case .lead where leads[member.id] == nil:
            throw DomainError(.leadNotFound, field: field, "\(field) names lead \(member.id), which does not exist")
        case .contact where contacts[member.id] == nil:
            throw DomainError(
                .contactNotFound,
                field: field,
                "\(field) names contact \(member.id), which does not exist"
            )
        default:
            break
        }
        guard campaign.members[member] == nil else {
            throw DomainError(
                .memberExists,
                field: field,
                "\(field) names \(member.kind.rawValue) \(member.id), which is a member of campaign "
                    + "\(command.campaignId) already"
            )
        }
        return [NewEvent(command.campaignId, .campaign(.memberAdded(CampaignMemberAdded(member))))]
    }

    private func decideRecordResponse(_ command: RecordCampaignResponse) throws -> [NewEvent] {
        let campaign = try runningCampaign(command.campaignId, field: "data.campaignId")
        let member = try Self.member(leadId: command.leadId, contactId: command.contactId)
        guard let responded = campaign.members[member] else {
            let field = Self.field(of: member)
            throw DomainError(
                .memberNotFound,
                field: field,
                "\(field) names \(member.kind.rawValue) \(member.id), which is not a member of campaign "
                    + "\(command.campaignId)"
            )
        }
        guard !responded else { return [] }
        return [NewEvent(command.campaignId, .campaign(.responseRecorded(CampaignResponseRecorded(member))))]
    }

    private func decideRecordCost(_ command: RecordCampaignCost) throws -> [NewEvent] {
        let campaign = try runningCampaign(command.campaignId, field: "data.campaignId")
        let cost = try FieldRules.nonNegative(command.actualCost, field: "data.actualCost")
        guard cost != campaign.actualCost else { return [] }
        return [NewEvent(command.campaignId, .campaign(.costRecorded(CampaignCostRecorded(actualCost: cost))))]
    }

    private func decideComplete(_ command: CompleteCampaign) throws -> [NewEvent] {
        let campaign = try runningCampaign(command.campaignId, field: "data.campaignId")
        let completed = CampaignCompleted(
            memberCount: campaign.members.count,
            responseCount: campaign.members.values.count { $0 }
        )
        return [NewEvent(command.campaignId, .campaign(.completed(completed)))]
    }

    /// The member a command names by exactly one of its `leadId` and `contactId`.
    private static func member(leadId: RecordId?, contactId: RecordId?) throws -> CampaignMember {
        switch (leadId, contactId) {
        case (let leadId?, nil):
            return CampaignMember(kind: .lead, id: leadId)
        case (nil, let contactId?):
            return CampaignMember(kind: .contact, id: contactId)
        case (nil, nil):
            throw DomainError(
                .missingField,
                field: "data.leadId",
                "data.leadId or data.contactId is required: a campaign member is a lead or a contact"
            )
        case (_?, _?):
            throw DomainError(
                .invalidField,
                field: "data.contactId",
                "data.contactId must not be given with data.leadId: a campaign member is one lead or one contact"
            )
        }
    }

    /// The command field that names a member.
    private static func field(of member: CampaignMember) -> String {
        switch member.kind {
        case .lead: "data.leadId"
        case .contact: "data.contactId"
        }
    }

    mutating func apply(_ event: CampaignEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .launched:
            campaigns[id] = CampaignState(version: version)
        case .memberAdded(let added):
            campaigns.modifyValue(forKey: id) { campaign in
                campaign.version = version
                campaign.members[added.member] = false
            }
        case .responseRecorded(let recorded):
            campaigns.modifyValue(forKey: id) { campaign in
                campaign.version = version
                campaign.members[recorded.member] = true
            }
        case .costRecorded(let recorded):
            campaigns.modifyValue(forKey: id) { campaign in
                campaign.version = version
                campaign.actualCost = recorded.actualCost
            }
        case .completed:
            campaigns.modifyValue(forKey: id) { campaign in
                campaign.version = version
                campaign.completed = true
            }
        }
    }
}
