extension DecisionState {
    func decide(_ command: AccountCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .open(let command): try decideOpen(command)
        case .update(let command): try decideUpdate(command)
        case .reassignOwner(let command): try decideReassignOwner(command)
        case .deactivate(let command): try decideDeactivate(command)
        case .reactivate(let command): try decideReactivate(command)
        case .merge(let command): try decideMerge(command)
        }
    }

    /// The account, when it exists and can still change.
    ///
    /// - Parameters:
    ///   - id: The account's id.
    ///   - field: The field that named it.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `account_not_found` or `account_merged`.
    func activeOrInactiveAccount(_ id: RecordId, field: String) throws -> AccountState {
        guard let account = accounts[id] else {
            throw DomainError(.accountNotFound, field: field, "\(field) names account \(id), which does not exist")
        }
        if case .merged(let survivor) = account.status {
            throw DomainError(
                .accountMerged,
                field: field,
                "\(field) names account \(id), which was merged into \(survivor) and takes no changes"
            )
        }
        return account
    }

    /// The account, when it exists and takes new contacts, opportunities, cases and activities: not merged and
    /// not deactivated.
    ///
    /// - Parameters:
    ///   - id: The account's id.
    ///   - field: The field that named it.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `account_not_found`, `account_merged` or `account_inactive`.
    func accountAcceptingNewRecords(_ id: RecordId, field: String) throws -> AccountState {
        let account = try activeOrInactiveAccount(id, field: field)
        guard account.status == .active else {
            throw DomainError(
                .accountInactive,
                field: field,
                "\(field) names account \(id), which is deactivated and takes no new records"
            )
        }
        return account
    }

    /// Whether an account is another one or one of its descendants, found by walking up through the parents.
    ///
    /// - Parameters:
    ///   - id: The account to place.
    ///   - ancestor: The account at the top of the hierarchy looked at.
    /// - Returns: True when `id` is `ancestor` or below it.
    func isAccount(_ id: RecordId, atOrBelow ancestor: RecordId) -> Bool {
        var current: RecordId? = id
        // Commands never make a cycle; the bound only guarantees the walk ends whatever the state holds.
        var steps = 0
        let bound = accounts.count
        while let account = current, steps <= bound {
            if account == ancestor { return true }
            current = accounts[account]?.parentAccountId
            steps += 1
        }
        return false
    }

    private func decideOpen(_ command: OpenAccount) throws -> [NewEvent] {
        guard accounts[command.accountId] == nil else {
            throw DomainError(
                .accountExists,
                field: "data.accountId",
                "data.accountId names account \(command.accountId), which already exists"
            )
        }
        if let parent = command.parentAccountId {
            _ = try activeOrInactiveAccount(parent, field: "data.parentAccountId")
        }
        let event = AccountOpened(
            name: try FieldRules.text(command.name, field: "data.name"),
            type: try FieldRules.optionalText(command.type, field: "data.type"),
            industry: try FieldRules.optionalText(command.industry, field: "data.industry"),
            ownerId: command.ownerId,
            parentAccountId: command.parentAccountId,
            website: try FieldRules.optionalText(command.website, field: "data.website"),
            annualRevenue: try command.annualRevenue.map {
                try FieldRules.nonNegative($0, field: "data.annualRevenue")
            },
            employees: try command.employees.map {
                try FieldRules.number($0, in: 0...100_000_000, field: "data.employees")
            },
            billingCountry: try FieldRules.optionalText(command.billingCountry, field: "data.billingCountry"),
            territory: try FieldRules.optionalText(command.territory, field: "data.territory")
        )
        return [NewEvent(command.accountId, .account(.opened(event)))]
    }

    private func decideUpdate(_ command: UpdateAccount) throws -> [NewEvent] {
        let account = try activeOrInactiveAccount(command.accountId, field: "data.accountId")
        var event = AccountUpdated()
        if let name = command.name, try FieldRules.text(name, field: "data.name") != account.name {
            event.name = name
        }
        event.type = try account.type.change(to: command.type, field: "data.type")
        event.industry = try account.industry.change(to: command.industry, field: "data.industry")
        event.website = try account.website.change(to: command.website, field: "data.website")
        if let revenue = command.annualRevenue,
            try FieldRules.nonNegative(revenue, field: "data.annualRevenue") != account.annualRevenue
        {
            event.annualRevenue = revenue
        }
        if let employees = command.employees,
            try FieldRules.number(employees, in: 0...100_000_000, field: "data.employees") != account.employees
        {
            event.employees = employees
        }
        event.billingCountry = try account.billingCountry.change(
            to: command.billingCountry,
            field: "data.billingCountry"
        )
        event.territory = try account.territory.change(to: command.territory, field: "data.territory")
        if let parent = command.parentAccountId, parent != account.parentAccountId {
            _ = try activeOrInactiveAccount(parent, field: "data.parentAccountId")
            guard !isAccount(parent, atOrBelow: command.accountId) else {
                throw DomainError(
                    .accountHierarchyCycle,
                    field: "data.parentAccountId",
                    "data.parentAccountId names account \(parent), which is \(command.accountId) itself or below it; "
                        + "an account cannot be its own ancestor"
                )
            }
            event.parentAccountId = parent
        }
        if command.removeParent == true {
            guard command.parentAccountId == nil else {
                throw DomainError(
                    .invalidField,
                    field: "data.removeParent",
                    "data.removeParent cannot be given with data.parentAccountId: an account has one parent or none"
                )
            }
            if account.parentAccountId != nil { event.parentRemoved = true }
        }
        guard event != AccountUpdated() else { return [] }
        return [NewEvent(command.accountId, .account(.updated(event)))]
    }

    private func decideReassignOwner(_ command: ReassignAccountOwner) throws -> [NewEvent] {
        let account = try activeOrInactiveAccount(command.accountId, field: "data.accountId")
        guard command.ownerId != account.ownerId else { return [] }
        let event = AccountOwnerReassigned(fromOwnerId: account.ownerId, toOwnerId: command.ownerId)
        return [NewEvent(command.accountId, .account(.ownerReassigned(event)))]
    }

    private func decideDeactivate(_ command: DeactivateAccount) throws -> [NewEvent] {
        let account = try activeOrInactiveAccount(command.accountId, field: "data.accountId")
        guard account.status == .active else {
            throw DomainError(
                .accountInactive,
                field: "data.accountId",
                "data.accountId names account \(command.accountId), which is already deactivated"
            )
        }
        let event = AccountDeactivated(reason: try FieldRules.optionalText(command.reason, field: "data.reason"))
        return [NewEvent(command.accountId, .account(.deactivated(event)))]
    }

    private func decideReactivate(_ command: ReactivateAccount) throws -> [NewEvent] {
        let account = try activeOrInactiveAccount(command.accountId, field: "data.accountId")
        guard account.status == .inactive else {
            throw DomainError(
                .accountActive,
                field: "data.accountId",
                "data.accountId names account \(command.accountId), which is active; only a deactivated account "
                    + "can be reactivated"
            )
        }
        return [NewEvent(command.accountId, .account(.reactivated(AccountReactivated())))]
    }
}
