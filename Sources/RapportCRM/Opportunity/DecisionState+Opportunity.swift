extension DecisionState {
    func decide(_ command: OpportunityCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .open(let command): try decideOpen(command, in: context)
        case .changeStage(let command): try decideChangeStage(command, in: context)
        case .changeAmount(let command): try decideChangeAmount(command)
        case .moveCloseDate(let command): try decideMoveCloseDate(command)
        case .addLineItem(let command): try decideAddLineItem(command)
        case .removeLineItem(let command): try decideRemoveLineItem(command)
        case .closeWon(let command): try decideCloseWon(command, in: context)
        case .closeLost(let command): try decideCloseLost(command, in: context)
        case .reopen(let command): try decideReopen(command, in: context)
        }
    }

    /// The opportunity, when it exists.
    ///
    /// - Parameters:
    ///   - id: The opportunity's id.
    ///   - field: The field that named it.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `opportunity_not_found`.
    func existingOpportunity(_ id: RecordId, field: String) throws -> OpportunityState {
        guard let opportunity = opportunities[id] else {
            throw DomainError(
                .opportunityNotFound,
                field: field,
                "\(field) names opportunity \(id), which does not exist"
            )
        }
        return opportunity
    }

    /// The opportunity, when it exists and is open, so it takes changes.
    ///
    /// - Parameter id: The opportunity's id, from the command's `data.opportunityId`.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `opportunity_not_found` or `opportunity_closed`.
    func openOpportunity(_ id: RecordId) throws -> OpportunityState {
        let opportunity = try existingOpportunity(id, field: "data.opportunityId")
        guard !opportunity.isClosed else {
            throw DomainError(
                .opportunityClosed,
                field: "data.opportunityId",
                "data.opportunityId names opportunity \(id), which is closed in stage \(opportunity.stage) and "
                    + "takes no changes until it is reopened"
            )
        }
        return opportunity
    }

    private func decideOpen(_ command: OpenOpportunity, in context: DecisionContext) throws -> [NewEvent] {
        guard opportunities[command.opportunityId] == nil else {
            throw DomainError(
                .opportunityExists,
                field: "data.opportunityId",
                "data.opportunityId names opportunity \(command.opportunityId), which already exists"
            )
        }
        _ = try accountAcceptingNewRecords(command.accountId, field: "data.accountId")
        if let campaignId = command.campaignId, campaigns[campaignId] == nil {
            throw DomainError(
                .campaignNotFound,
                field: "data.campaignId",
                "data.campaignId names campaign \(campaignId), which does not exist"
            )
        }
        let stage = try Self.openStage(named: command.stage, in: context.configuration)
        let event = OpportunityOpened(
            accountId: command.accountId,
            name: try FieldRules.text(command.name, field: "data.name"),
            amount: try FieldRules.nonNegative(command.amount ?? .zero, field: "data.amount"),
            currency: try FieldRules.currency(command.currency ?? "USD", field: "data.currency"),
            closeDate: command.closeDate,
            stage: stage.name,
            probability: stage.probability,
            forecastCategory: stage.forecastCategory,
            ownerId: command.ownerId,
            campaignId: command.campaignId
        )
        return [NewEvent(command.opportunityId, .opportunity(.opened(event)))]
    }

    private func decideChangeStage(
        _ command: ChangeOpportunityStage,
        in context: DecisionContext
    ) throws -> [NewEvent] {
        let opportunity = try openOpportunity(command.opportunityId)
        let stage = try Self.openStage(named: command.stage, in: context.configuration)
        guard stage.name != opportunity.stage else { return [] }
        let event = OpportunityStageChanged(
            fromStage: opportunity.stage,
            toStage: stage.name,
            probability: stage.probability,
            forecastCategory: stage.forecastCategory
        )
        return [NewEvent(command.opportunityId, .opportunity(.stageChanged(event)))]
    }

    private func decideChangeAmount(_ command: ChangeOpportunityAmount) throws -> [NewEvent] {
        let opportunity = try openOpportunity(command.opportunityId)
        let amount = try FieldRules.nonNegative(command.amount, field: "data.amount")
        guard opportunity.lineItems.isEmpty else {
            throw DomainError(
                .amountSetByLineItems,
                field: "data.amount",
                "data.amount cannot be set by hand while the opportunity has line items: it is their sum, "
                    + "\(opportunity.amount)"
            )
        }
        guard amount != opportunity.amount else { return [] }
        let event = OpportunityAmountChanged(from: opportunity.amount, to: amount)
        return [NewEvent(command.opportunityId, .opportunity(.amountChanged(event)))]
    }

    private func decideMoveCloseDate(_ command: MoveOpportunityCloseDate) throws -> [NewEvent] {
        let opportunity = try openOpportunity(command.opportunityId)
        guard command.closeDate != opportunity.closeDate else { return [] }
        let event = OpportunityCloseDateMoved(from: opportunity.closeDate, to: command.closeDate)
        return [NewEvent(command.opportunityId, .opportunity(.closeDateMoved(event)))]
    }

    /// A configured open stage, the one an opportunity works in.
    ///
    /// - Parameters:
    ///   - name: The stage's name from `data.stage`; the configuration's first open stage when nil.
    ///   - configuration: The configuration in force.
    /// - Returns: The stage.
    /// - Throws: ``DomainError`` `invalid_stage` when the stage is not configured or is closed.
    static func openStage(named name: String?, in configuration: CRMConfiguration) throws -> SalesStage {
        // Spelled out only when refusing: this runs for every stage change.
        var names: String { configuration.salesStages.filter { !$0.closed }.map(\.name).joined(separator: ", ") }
        guard let name else {
            guard let first = configuration.salesStages.first(where: { !$0.closed }) else {
                throw DomainError(.invalidStage, field: "data.stage", "data.stage is required: no stage is open")
            }
            return first
        }
        guard let stage = configuration.stage(named: name) else {
            throw DomainError(
                .invalidStage,
                field: "data.stage",
                "data.stage \"\(name)\" is not a configured stage; the open stages are \(names)"
            )
        }
        guard !stage.closed else {
            throw DomainError(
                .invalidStage,
                field: "data.stage",
                "data.stage \"\(name)\" is a closed stage, reached only by closing the opportunity won or lost; "
                    + "the open stages are \(names)"
            )
        }
        return stage
    }
}
