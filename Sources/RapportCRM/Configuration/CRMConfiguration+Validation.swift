extension CRMConfiguration {
    /// Checks every rule of a configuration and returns it unchanged when all hold.
    ///
    /// Stage and status names are non-empty and unique; probabilities lie in 0...100; only closed stages are
    /// won; there is at least one open stage, one closed won and one closed lost stage; there is a converted
    /// and an unconverted lead status; every case priority has positive targets, first response no later than
    /// resolution.
    ///
    /// - Returns: The configuration.
    /// - Throws: ``DomainError`` with code `invalid_configuration`, naming the field (for example
    ///   `salesStages[3].probability`) and the rule.
    public func validated() throws -> CRMConfiguration {
        try validateStages()
        try validateLeadStatuses()
        try validateCaseTargets()
        return self
    }

    private func validateStages() throws {
        var seen: Set<String> = []
        for (index, stage) in salesStages.enumerated() {
            let field = "salesStages[\(index)]"
            try require(!stage.name.isEmpty, "\(field).name", "must not be empty")
            try require(seen.insert(stage.name).inserted, "\(field).name", "\"\(stage.name)\" is named twice")
            try require((0...100).contains(stage.probability), "\(field).probability", "must be between 0 and 100")
            try require(!stage.won || stage.closed, "\(field).won", "only a closed stage can be won")
        }
        try require(salesStages.contains { !$0.closed }, "salesStages", "needs at least one open stage")
        try require(salesStages.contains { $0.closed && $0.won }, "salesStages", "needs a closed won stage")
        try require(salesStages.contains { $0.closed && !$0.won }, "salesStages", "needs a closed lost stage")
    }

    private func validateLeadStatuses() throws {
        var seen: Set<String> = []
        for (index, status) in leadStatuses.enumerated() {
            let field = "leadStatuses[\(index)].name"
            try require(!status.name.isEmpty, field, "must not be empty")
            try require(seen.insert(status.name).inserted, field, "\"\(status.name)\" is named twice")
        }
        try require(leadStatuses.contains { $0.converted }, "leadStatuses", "needs a converted status")
        try require(leadStatuses.contains { !$0.converted }, "leadStatuses", "needs a status that is not converted")
    }

    private func validateCaseTargets() throws {
        var seen: Set<CasePriority> = []
        for (index, targets) in caseTargets.enumerated() {
            let field = "caseTargets[\(index)]"
            try require(
                seen.insert(targets.priority).inserted,
                "\(field).priority",
                "\(targets.priority.rawValue) has targets twice"
            )
            try require(targets.firstResponseMinutes > 0, "\(field).firstResponseMinutes", "must be positive")
            try require(targets.resolutionMinutes > 0, "\(field).resolutionMinutes", "must be positive")
            try require(
                targets.firstResponseMinutes <= targets.resolutionMinutes,
                "\(field).firstResponseMinutes",
                "must not be later than resolutionMinutes"
            )
        }
        for priority in CasePriority.allCases {
            try require(seen.contains(priority), "caseTargets", "needs targets for priority \(priority.rawValue)")
        }
    }

    private func require(_ condition: Bool, _ field: String, _ rule: String) throws {
        guard condition else {
            throw DomainError(.invalidConfiguration, field: field, "\(field) \(rule)")
        }
    }
}
