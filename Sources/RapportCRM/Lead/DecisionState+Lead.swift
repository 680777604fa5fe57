extension DecisionState {
    func decide(_ command: LeadCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .capture(let command): try decideCapture(command, in: context)
        case .changeStatus(let command): try decideChangeStatus(command, in: context)
        case .disqualify(let command): try decideDisqualify(command)
        case .convert(let command): try decideConvert(command, in: context)
        case .forget(let command): try decideForget(command)
        }
    }

    /// The lead, when it exists and can still change: neither converted nor disqualified.
    ///
    /// - Parameters:
    ///   - id: The lead's id.
    ///   - field: The field that named it.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `lead_not_found`, `lead_converted` or `lead_disqualified`.
    func openLead(_ id: RecordId, field: String) throws -> LeadState {
        guard let lead = leads[id] else {
            throw DomainError(.leadNotFound, field: field, "\(field) names lead \(id), which does not exist")
        }
        guard !lead.forgotten else { throw Self.forgottenLead(id, field: field) }
        if let conversion = lead.conversion {
            throw DomainError(
                .leadConverted,
                field: field,
                "\(field) names lead \(id), which was converted into contact \(conversion.contactId) of account "
                    + "\(conversion.accountId) and takes no changes"
            )
        }
        guard !lead.disqualified else {
            throw DomainError(
                .leadDisqualified,
                field: field,
                "\(field) names lead \(id), which was disqualified and takes no changes"
            )
        }
        return lead
    }

    private func decideCapture(_ command: CaptureLead, in context: DecisionContext) throws -> [NewEvent] {
        guard leads[command.leadId] == nil else {
            throw DomainError(
                .leadExists,
                field: "data.leadId",
                "data.leadId names lead \(command.leadId), which already exists"
            )
        }
        if let campaignId = command.campaignId, campaigns[campaignId] == nil {
            throw DomainError(
                .campaignNotFound,
                field: "data.campaignId",
                "data.campaignId names campaign \(campaignId), which does not exist"
            )
        }
        let status: String
        if let requested = command.status {
            status = try Self.settableLeadStatus(requested, field: "data.status", in: context.configuration)
        } else {
            status = try Self.startingLeadStatus(in: context.configuration)
        }
        let event = LeadCaptured(
            company: try FieldRules.text(command.company, field: "data.company"),
            firstName: try FieldRules.optionalText(command.firstName, field: "data.firstName"),
            lastName: try FieldRules.text(command.lastName, field: "data.lastName"),
            email: try command.email.map { try FieldRules.email($0, field: "data.email") },
            phone: try FieldRules.optionalText(command.phone, field: "data.phone"),
            title: try FieldRules.optionalText(command.title, field: "data.title"),
            source: try FieldRules.optionalText(command.source, field: "data.source"),
            campaignId: command.campaignId,
            status: status
        )
        return [NewEvent(command.leadId, .lead(.captured(event)))]
    }

    private func decideChangeStatus(_ command: ChangeLeadStatus, in context: DecisionContext) throws -> [NewEvent] {
        let lead = try openLead(command.leadId, field: "data.leadId")
        let status = try Self.settableLeadStatus(command.status, field: "data.status", in: context.configuration)
        guard status != lead.status else { return [] }
        let event = LeadStatusChanged(fromStatus: lead.status, toStatus: status)
        return [NewEvent(command.leadId, .lead(.statusChanged(event)))]
    }

    private func decideDisqualify(_ command: DisqualifyLead) throws -> [NewEvent] {
        _ = try openLead(command.leadId, field: "data.leadId")
        let event = LeadDisqualified(reason: try FieldRules.text(command.reason, field: "data.reason"))
        return [NewEvent(command.leadId, .lead(.disqualified(event)))]
    }

    private func decideForget(_ command: ForgetLead) throws -> [NewEvent] {
        guard let lead = leads[command.leadId] else {
            throw DomainError(
                .leadNotFound,
                field: "data.leadId",
                "data.leadId names lead \(command.leadId), which does not exist"
            )
        }
        guard !lead.forgotten else { throw Self.forgottenLead(command.leadId, field: "data.leadId") }
        let event = LeadForgotten(reason: try FieldRules.text(command.reason, field: "data.reason"))
        return [NewEvent(command.leadId, .lead(.forgotten(event)))]
    }

    private static func forgottenLead(_ id: RecordId, field: String) -> DomainError {
        DomainError(
            .leadForgotten,
            field: field,
            "\(field) names lead \(id), which was forgotten: its personal data is erased and it takes no more changes"
        )
    }

    /// A status a command may put a lead in: one of the configuration's, and not a converted one.
    private static func settableLeadStatus(
        _ name: String,
        field: String,
        in configuration: CRMConfiguration
    ) throws -> String {
        guard let status = configuration.leadStatus(named: name) else {
            let allowed = configuration.leadStatuses.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw DomainError(
                .invalidLeadStatus,
                field: field,
                "\(field) must be one of the lead statuses \(allowed), not \"\(name)\""
            )
        }
        guard !status.converted else {
            throw DomainError(
                .leadStatusReserved,
                field: field,
                "\(field) \"\(name)\" counts as converted; only ConvertLead puts a lead in it"
            )
        }
        return name
    }

    /// The status a new lead starts in: the configuration's first that is not converted.
    private static func startingLeadStatus(in configuration: CRMConfiguration) throws -> String {
        guard let status = configuration.leadStatuses.first(where: { !$0.converted }) else {
            throw DomainError(
                .invalidConfiguration,
                field: "leadStatuses",
                "leadStatuses needs a status that is not converted"
            )
        }
        return status.name
    }

    mutating func apply(_ event: LeadEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .captured(let captured):
            leads[id] = LeadState(
                version: version,
                company: captured.company,
                firstName: captured.firstName,
                lastName: captured.lastName,
                email: captured.email,
                phone: captured.phone,
                title: captured.title,
                campaignId: captured.campaignId,
                status: captured.status
            )
        case .statusChanged(let changed):
            leads.modifyValue(forKey: id) { lead in
                lead.version = version
                lead.status = changed.toStatus
            }
        case .disqualified:
            leads.modifyValue(forKey: id) { lead in
                lead.version = version
                lead.disqualified = true
            }
        case .converted(let converted):
            leads.modifyValue(forKey: id) { lead in
                lead.version = version
                lead.status = converted.status
                lead.conversion = LeadState.Conversion(
                    accountId: converted.accountId,
                    contactId: converted.contactId,
                    opportunityId: converted.opportunityId
                )
            }
        case .forgotten:
            leads.modifyValue(forKey: id) { lead in
                lead.version = version
                lead.firstName = nil
                lead.lastName = ""
                lead.email = nil
                lead.phone = nil
                lead.forgotten = true
            }
        }
    }
}
