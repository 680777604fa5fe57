import RapportCRM

extension RowTranslator {
    /// The commands of an account row: `OpenAccount` when the account is new, else an `UpdateAccount` with every
    /// mapped field (the domain appends only the fields that changed, nothing when none did).
    ///
    /// - Parameters:
    ///   - row: The row.
    ///   - state: The state the earlier rows leave.
    /// - Returns: The plan.
    func accountPlan(_ row: CSVTable.Row, in state: DecisionState) -> RowPlan {
        var plan = RowPlan(row: row)
        do throws(ImportProblem) {
            let (values, key, id) = try identify(row, in: &plan)
            let parent = try parent(values, in: state)
            func text(_ field: String) -> String? { rule(field).flatMap { values.text($0) } }
            let name = try values.requiredText(rule("name") ?? ValueRule(), field: "name")
            let revenue = try rule("annualRevenue").flatMap { rule throws(ImportProblem) in
                try values.money(rule, field: "annualRevenue")
            }
            let employees = try rule("employees").flatMap { rule throws(ImportProblem) in
                try values.integer(rule, field: "employees")
            }
            let openedAt = try rule("openedAt").flatMap { rule throws(ImportProblem) in
                try values.time(rule, field: "openedAt")
            }
            let command: CRMCommand
            if let current = state.accounts[id] {
                let removesParent = parent == nil && current.parentAccountId != nil && file.parent != nil
                command =
                    UpdateAccount(
                        accountId: id,
                        name: name,
                        type: text("type"),
                        industry: text("industry"),
                        website: text("website"),
                        annualRevenue: revenue,
                        employees: employees,
                        billingCountry: text("billingCountry"),
                        territory: text("territory"),
                        parentAccountId: parent,
                        removeParent: removesParent ? true : nil
                    ).command
            } else {
                guard
                    let ownerId = try rule("ownerId").flatMap({ rule throws(ImportProblem) in
                        try values.id(rule, field: "ownerId")
                    })
                else {
                    throw ImportProblem(
                        "missing_value",
                        field: rule("ownerId")?.column,
                        "the account's ownerId is empty"
                    )
                }
                plan.createsRecord = true
                command =
                    OpenAccount(
                        accountId: id,
                        name: name,
                        type: text("type"),
                        industry: text("industry"),
                        ownerId: ownerId,
                        parentAccountId: parent,
                        website: text("website"),
                        annualRevenue: revenue,
                        employees: employees,
                        billingCountry: text("billingCountry"),
                        territory: text("territory")
                    ).command
            }
            plan.commands = envelopes([(command, openedAt)], row: row, key: key)
        } catch {
            plan.failure = error
        }
        return plan
    }

    /// The order account rows load in: every parent in the same file before its children, otherwise file order.
    ///
    /// - Parameter rows: The file's readable rows.
    /// - Returns: The rows' indexes in load order.
    func parentFirstOrder(_ rows: [CSVTable.Row]) -> [Int] {
        guard let rule = file.parent, let column = rule.column, rule.file == nil || rule.file == file.file,
            rule.by == .name, let names = accountNames[file.file]
        else { return Array(rows.indices) }
        var indexByName: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            if let rule = self.rule("name"), let name = values(row).text(rule) { indexByName[name] = index }
        }
        var depth: [Int: Int] = [:]
        func depthOf(_ index: Int, seen: Set<Int>) -> Int {
            if let known = depth[index] { return known }
            guard !seen.contains(index), let parentName = values(rows[index]).text(ValueRule(column: column)),
                names[parentName] != nil, let parentIndex = indexByName[parentName]
            else { return 0 }
            let result = depthOf(parentIndex, seen: seen.union([index])) + 1
            depth[index] = result
            return result
        }
        return rows.indices.map { ($0, depthOf($0, seen: [])) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }
}
