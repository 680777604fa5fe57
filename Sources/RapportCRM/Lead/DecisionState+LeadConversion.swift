extension DecisionState {
    /// Decides a lead's conversion: the account's and contact's opening unless they are reused, the
    /// opportunity's opening when asked for, and the lead's conversion, in that order, for one atomic append.
    func decideConvert(_ command: ConvertLead, in context: DecisionContext) throws -> [NewEvent] {
        let lead = try openLead(command.leadId, field: "data.leadId")
        let ownerId = try command.ownerId ?? Self.actorAsOwner(context.actor)
        guard let convertedStatus = context.configuration.leadStatuses.first(where: \.converted) else {
            throw DomainError(.invalidConfiguration, field: "leadStatuses", "leadStatuses needs a converted status")
        }
        var events: [NewEvent] = []
        let reusedAccount: AccountState?
        if accounts[command.accountId] != nil {
            reusedAccount = try accountAcceptingNewRecords(command.accountId, field: "data.accountId")
        } else {
            reusedAccount = nil
            let opened = AccountOpened(name: lead.company, ownerId: ownerId, convertedFromLeadId: command.leadId)
            events.append(NewEvent(command.accountId, .account(.opened(opened))))
        }
        let reusedContact = contacts[command.contactId]
        if let contact = reusedContact {
            guard contact.accountId == command.accountId else {
                throw DomainError(
                    .contactNotInAccount,
                    field: "data.contactId",
                    "data.contactId names contact \(command.contactId), which belongs to account "
                        + "\(contact.accountId), not to data.accountId \(command.accountId)"
                )
            }
        } else {
            if let reusedAccount, let email = lead.email,
                let holder = reusedAccount.contactEmails[FieldRules.emailKey(email)]
            {
                throw DomainError(
                    .duplicateContactEmail,
                    field: "data.contactId",
                    "data.contactId would add the lead's email \(email) to account \(command.accountId), whose "
                        + "contact \(holder) has it already; convert into that contact instead"
                )
            }
            let added = ContactAdded(
                accountId: command.accountId,
                firstName: lead.firstName,
                lastName: lead.lastName,
                email: lead.email,
                phone: lead.phone,
                title: lead.title,
                convertedFromLeadId: command.leadId
            )
            events.append(NewEvent(command.contactId, .contact(.added(added))))
        }
        if let opportunity = command.opportunity {
            let opened = try openedOpportunity(opportunity, from: command, lead: lead, ownerId: ownerId, in: context)
            events.append(NewEvent(opportunity.opportunityId, .opportunity(.opened(opened))))
        }
        let converted = LeadConverted(
            accountId: command.accountId,
            contactId: command.contactId,
            opportunityId: command.opportunity?.opportunityId,
            status: convertedStatus.name,
            accountCreated: reusedAccount == nil,
            contactCreated: reusedContact == nil
        )
        events.append(NewEvent(command.leadId, .lead(.converted(converted))))
        return events
    }

    /// The opportunity a conversion opens, with the stage's probability and forecast category in force.
    private func openedOpportunity(
        _ part: ConvertLead.Opportunity,
        from command: ConvertLead,
        lead: LeadState,
        ownerId: RecordId,
        in context: DecisionContext
    ) throws -> OpportunityOpened {
        guard opportunities[part.opportunityId] == nil else {
            throw DomainError(
                .opportunityExists,
                field: "data.opportunity.opportunityId",
                "data.opportunity.opportunityId names opportunity \(part.opportunityId), which already exists"
            )
        }
        let stage = try Self.conversionStage(part.stage, field: "data.opportunity.stage", in: context.configuration)
        return OpportunityOpened(
            accountId: command.accountId,
            name: try FieldRules.text(part.name, field: "data.opportunity.name"),
            amount: try FieldRules.nonNegative(part.amount ?? .zero, field: "data.opportunity.amount"),
            currency: try FieldRules.currency(part.currency ?? "USD", field: "data.opportunity.currency"),
            closeDate: part.closeDate,
            stage: stage.name,
            probability: stage.probability,
            forecastCategory: stage.forecastCategory,
            ownerId: ownerId,
            campaignId: lead.campaignId,
            convertedFromLeadId: command.leadId
        )
    }

    /// The named stage when it is an open one of the configuration, or the configuration's first open stage.
    private static func conversionStage(
        _ name: String?,
        field: String,
        in configuration: CRMConfiguration
    ) throws -> SalesStage {
        let open = configuration.salesStages.filter { !$0.closed }
        guard let name else {
            guard let first = open.first else {
                throw DomainError(.invalidConfiguration, field: "salesStages", "salesStages needs an open stage")
            }
            return first
        }
        guard let stage = open.first(where: { $0.name == name }) else {
            let allowed = open.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw DomainError(
                .invalidStage,
                field: field,
                "\(field) must be one of the open stages \(allowed), not \"\(name)\""
            )
        }
        return stage
    }

    /// The actor as the owner of what a conversion opens, when the command names no owner.
    private static func actorAsOwner(_ actor: String) throws -> RecordId {
        guard let id = try? RecordId(actor) else {
            throw DomainError(
                .invalidId,
                field: "data.ownerId",
                "data.ownerId is required when the actor \"\(actor)\" is not a record id"
            )
        }
        return id
    }
}
