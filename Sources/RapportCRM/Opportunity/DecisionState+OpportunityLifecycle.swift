import RapportTime

extension DecisionState {
    func decideCloseWon(_ command: CloseOpportunityWon, in context: DecisionContext) throws -> [NewEvent] {
        let opportunity = try openOpportunity(command.opportunityId)
        let stage = try Self.closedStage(named: command.stage, won: true, in: context.configuration)
        let event = OpportunityClosedWon(
            stage: stage.name,
            probability: stage.probability,
            forecastCategory: stage.forecastCategory,
            amount: opportunity.amount,
            closeDate: CalendarDate(context.occurredAt)
        )
        return [NewEvent(command.opportunityId, .opportunity(.closedWon(event)))]
    }

    func decideCloseLost(_ command: CloseOpportunityLost, in context: DecisionContext) throws -> [NewEvent] {
        let opportunity = try openOpportunity(command.opportunityId)
        let reason = try FieldRules.text(command.reason, field: "data.reason")
        let stage = try Self.closedStage(named: command.stage, won: false, in: context.configuration)
        let event = OpportunityClosedLost(
            reason: reason,
            stage: stage.name,
            probability: stage.probability,
            forecastCategory: stage.forecastCategory,
            amount: opportunity.amount,
            closeDate: CalendarDate(context.occurredAt)
        )
        return [NewEvent(command.opportunityId, .opportunity(.closedLost(event)))]
    }

    func decideReopen(_ command: ReopenOpportunity, in context: DecisionContext) throws -> [NewEvent] {
        let opportunity = try existingOpportunity(command.opportunityId, field: "data.opportunityId")
        guard opportunity.isClosed else {
            throw DomainError(
                .opportunityNotClosed,
                field: "data.opportunityId",
                "data.opportunityId names opportunity \(command.opportunityId), which is open in stage "
                    + "\(opportunity.stage); only a closed opportunity can be reopened"
            )
        }
        let stage = try Self.openStage(named: command.stage, in: context.configuration)
        let event = OpportunityReopened(
            fromStage: opportunity.stage,
            toStage: stage.name,
            probability: stage.probability,
            forecastCategory: stage.forecastCategory
        )
        return [NewEvent(command.opportunityId, .opportunity(.reopened(event)))]
    }

    /// A configured closed stage that closes an opportunity as won, or as lost.
    ///
    /// - Parameters:
    ///   - name: The stage's name from `data.stage`; the configuration's first such stage when nil.
    ///   - won: Whether the stage must be a won one (else a lost one).
    ///   - configuration: The configuration in force.
    /// - Returns: The stage.
    /// - Throws: ``DomainError`` `invalid_stage` when the stage is not configured or does not close as asked.
    static func closedStage(named name: String?, won: Bool, in configuration: CRMConfiguration) throws -> SalesStage {
        let outcome = won ? "closed won" : "closed lost"
        let candidates = configuration.salesStages.filter { $0.closed && $0.won == won }
        let names = candidates.map(\.name).joined(separator: ", ")
        guard let name else {
            guard let first = candidates.first else {
                throw DomainError(.invalidStage, field: "data.stage", "data.stage is required: no stage is \(outcome)")
            }
            return first
        }
        guard let stage = candidates.first(where: { $0.name == name }) else {
            let reason = configuration.stage(named: name) == nil ? "is not a configured stage" : "is not \(outcome)"
            throw DomainError(
                .invalidStage,
                field: "data.stage",
                "data.stage \"\(name)\" \(reason); the \(outcome) stages are \(names)"
            )
        }
        return stage
    }
}
