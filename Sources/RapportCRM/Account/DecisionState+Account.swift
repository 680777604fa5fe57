extension DecisionState {
    func decide(_ command: AccountCommand, in context: DecisionContext) throws -> [NewEvent] {
        switch command {
        case .open(let command): try decideOpen(command)
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

    mutating func apply(_ event: AccountEvent, to id: RecordId, version: UInt64) {
        switch event {
        case .opened(let opened):
            accounts[id] = AccountState(
                version: version,
                name: opened.name,
                ownerId: opened.ownerId,
                parentAccountId: opened.parentAccountId,
                status: .active
            )
        }
    }
}
