import RapportCRM
import RapportTime

extension RowTranslator {
    /// What an opportunity row says the deal is.
    struct Deal: Sendable {
        var id: RecordId
        var name: String
        var ownerId: RecordId
        var stage: SalesStage
        var openingStage: String
        var closeDate: CalendarDate
        var amount: Money?
        var openedAt: Timestamp?
        var closedAt: Timestamp
        var lossReason: String
    }

    /// An opportunity row read without the decision state, so rows can be read ahead on another core while earlier
    /// rows are decided: its plan so far (external id, or the refusal of its id, references or stage), then what
    /// the rest of the row says.
    struct OpportunityDraft: Sendable {
        /// The row's plan: its external id, or why it failed before its account was read.
        var plan: RowPlan
        /// The rest of the row, when the plan has not failed.
        var reading: OpportunityReading?
    }

    /// What an opportunity row says after its stage, each part kept with its refusal, so that the plan fails the
    /// row on the same first problem as reading it in turn would: its account first, then its deal.
    struct OpportunityReading: Sendable {
        /// The account the row names, or why it names none.
        var account: Result<ParentReference?, ImportProblem>
        /// The deal, or why its fields do not read.
        var deal: Result<Deal, ImportProblem>
        /// What the row's command ids start with.
        var commandIdPrefix: String
    }

    /// Reads an opportunity row as far as it can be read without the decision state.
    ///
    /// - Parameter row: The row.
    /// - Returns: The draft, for ``opportunityPlan(_:in:)``.
    func opportunityDraft(_ row: CSVTable.Row) -> OpportunityDraft {
        var draft = OpportunityDraft(plan: RowPlan(row: row))
        do throws(ImportProblem) {
            let (values, key, id) = try identify(row, in: &draft.plan)
            let stages = try stages(values)
            draft.reading = OpportunityReading(
                account: Result { () throws(ImportProblem) in try parentReference(values) },
                deal: Result { () throws(ImportProblem) in try deal(id: id, stages: stages, values: values) },
                commandIdPrefix: commandIdPrefix(row: row, key: key)
            )
        } catch {
            draft.plan.failure = error
        }
        return draft
    }

    /// The commands of an opportunity row. A new deal opens at its opening time (at `openingStage` when the row
    /// shows it closed) and, when closed, is won or lost at its closing time. A known deal gets only what changed:
    /// its stage, amount and close date, reopened first when closed and the row changes it, closed again last.
    ///
    /// - Parameters:
    ///   - draft: The row as ``opportunityDraft(_:)`` read it.
    ///   - state: The state the earlier rows leave.
    /// - Returns: The plan.
    func opportunityPlan(_ draft: OpportunityDraft, in state: DecisionState) -> RowPlan {
        var plan = draft.plan
        guard plan.failure == nil, let reading = draft.reading else { return plan }
        do throws(ImportProblem) {
            guard let accountId = try parent(try reading.account.get(), in: state) else {
                throw ImportProblem("parent_missing", "the opportunity has no account")
            }
            let deal = try reading.deal.get()
            var commands: [(CRMCommand, Timestamp?)] = []
            if let current = state.opportunities[deal.id] {
                commands = changes(from: current, to: deal)
            } else {
                plan.createsRecord = true
                let open = OpenOpportunity(
                    opportunityId: deal.id,
                    accountId: accountId,
                    name: deal.name,
                    amount: deal.amount,
                    closeDate: deal.closeDate,
                    stage: deal.stage.closed ? deal.openingStage : deal.stage.name,
                    ownerId: deal.ownerId
                )
                commands.append((open.command, deal.openedAt))
                if deal.stage.closed { commands.append(closing(deal)) }
            }
            plan.commands = envelopes(commands, row: plan.row, commandIdPrefix: reading.commandIdPrefix)
        } catch {
            plan.failure = error
        }
        return plan
    }

    /// The row's stage, and the open stage a closed deal is opened at.
    private func stages(_ values: RowValues) throws(ImportProblem) -> (stage: SalesStage, opening: String) {
        let stageRule = rule("stage") ?? ValueRule()
        let stageName = try values.requiredText(stageRule, field: "stage")
        guard let stage = configuration.stage(named: stageName) else {
            throw ImportProblem(
                "invalid_stage",
                field: stageRule.column,
                "\(values.describe(stageRule)) \"\(stageName)\" is not a configured sales stage; map it with values"
            )
        }
        let openingStage = rule("openingStage").flatMap { values.text($0) } ?? stage.name
        if stage.closed, configuration.stage(named: openingStage)?.closed != false {
            throw ImportProblem(
                "invalid_stage",
                field: "openingStage",
                "the deal is \(stage.name), so openingStage must name an open stage to open it at, "
                    + "not \"\(openingStage)\""
            )
        }
        return (stage, openingStage)
    }

    private func deal(
        id: RecordId,
        stages: (stage: SalesStage, opening: String),
        values: RowValues
    ) throws(ImportProblem) -> Deal {
        let closeRule = rule("closeDate") ?? ValueRule()
        guard let closeDate = try values.date(closeRule, field: "closeDate") else {
            throw ImportProblem("missing_value", field: closeRule.column, "\(values.describe(closeRule)) is empty")
        }
        let closedAt = try rule("closedAt").flatMap { rule throws(ImportProblem) in
            try values.time(rule, field: "closedAt")
        }
        let ownerRule = rule("ownerId") ?? ValueRule()
        guard let ownerId = try values.id(ownerRule, field: "ownerId") else {
            throw ImportProblem("missing_value", field: ownerRule.column, "\(values.describe(ownerRule)) is empty")
        }
        return Deal(
            id: id,
            name: try values.requiredText(rule("name") ?? ValueRule(), field: "name"),
            ownerId: ownerId,
            stage: stages.stage,
            openingStage: stages.opening,
            closeDate: closeDate,
            amount: try rule("amount").flatMap { rule throws(ImportProblem) in
                try values.money(rule, field: "amount")
            },
            openedAt: try rule("openedAt").flatMap { rule throws(ImportProblem) in
                try values.time(rule, field: "openedAt")
            },
            closedAt: closedAt ?? closeDate.startOfDay,
            lossReason: rule("lossReason").flatMap { values.text($0) } ?? "lost"
        )
    }

    private func closing(_ deal: Deal) -> (CRMCommand, Timestamp?) {
        if deal.stage.won {
            return (CloseOpportunityWon(opportunityId: deal.id, stage: deal.stage.name).command, deal.closedAt)
        }
        let lost = CloseOpportunityLost(opportunityId: deal.id, reason: deal.lossReason, stage: deal.stage.name)
        return (lost.command, deal.closedAt)
    }

    /// The commands that bring a known deal to what the row says; none when it already does.
    private func changes(from current: OpportunityState, to deal: Deal) -> [(CRMCommand, Timestamp?)] {
        let amountChanges = deal.amount.map { $0 != current.amount } ?? false
        let dateChanges = deal.closeDate != current.closeDate
        let stageChanges = deal.stage.name != current.stage
        guard amountChanges || dateChanges || stageChanges else { return [] }
        var commands: [(CRMCommand, Timestamp?)] = []
        if current.isClosed {
            let stage = deal.stage.closed ? deal.openingStage : deal.stage.name
            commands.append((ReopenOpportunity(opportunityId: deal.id, stage: stage).command, nil))
        } else if stageChanges, !deal.stage.closed {
            commands.append((ChangeOpportunityStage(opportunityId: deal.id, stage: deal.stage.name).command, nil))
        }
        if let amount = deal.amount, amountChanges {
            commands.append((ChangeOpportunityAmount(opportunityId: deal.id, amount: amount).command, nil))
        }
        if dateChanges {
            commands.append((MoveOpportunityCloseDate(opportunityId: deal.id, closeDate: deal.closeDate).command, nil))
        }
        if deal.stage.closed { commands.append(closing(deal)) }
        return commands
    }
}
