extension DecisionState {
    /// The longest description, response message or resolution of a case, in characters.
    static let caseLongTextLength = 4000

    /// The case, when it exists.
    ///
    /// - Parameters:
    ///   - id: The case's id.
    ///   - field: The field that named it.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `case_not_found`.
    func existingCase(_ id: RecordId, field: String) throws -> CaseState {
        guard let state = cases[id] else {
            throw DomainError(.caseNotFound, field: field, "\(field) names case \(id), which does not exist")
        }
        return state
    }

    /// The case named by a command's `caseId`, when it is not closed.
    ///
    /// - Parameter id: The case's id.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `case_not_found` or `case_closed`.
    func caseNotClosed(_ id: RecordId) throws -> CaseState {
        let state = try existingCase(id, field: "data.caseId")
        guard state.status != .closed else {
            throw DomainError(
                .caseClosed,
                field: "data.caseId",
                "data.caseId names case \(id), which is closed and takes nothing but a reopen"
            )
        }
        return state
    }

    /// The case named by a command's `caseId`, when it is still worked on: neither resolved nor closed.
    ///
    /// - Parameter id: The case's id.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `case_not_found`, `case_closed` or `case_resolved`.
    func caseInProgress(_ id: RecordId) throws -> CaseState {
        let state = try caseNotClosed(id)
        guard state.status != .resolved else {
            throw DomainError(
                .caseResolved,
                field: "data.caseId",
                "data.caseId names case \(id), which is resolved and takes only responses, a close or a reopen"
            )
        }
        return state
    }

    /// The case named by a command's `caseId`, when it is worked on and not on hold.
    ///
    /// - Parameters:
    ///   - id: The case's id.
    ///   - action: What the command does, for the message, e.g. `escalated`.
    /// - Returns: Its state.
    /// - Throws: ``DomainError`` `case_not_found`, `case_closed`, `case_resolved` or `case_on_hold`.
    func caseInProgressNotOnHold(_ id: RecordId, action: String) throws -> CaseState {
        let state = try caseInProgress(id)
        guard state.status != .onHold else {
            throw DomainError(
                .caseOnHold,
                field: "data.caseId",
                "data.caseId names case \(id), which is on hold: resume it before it is \(action)"
            )
        }
        return state
    }

    /// The service targets of a priority in the configuration in force.
    ///
    /// - Parameters:
    ///   - priority: The priority.
    ///   - context: The decision's context.
    /// - Returns: The targets.
    /// - Throws: ``DomainError`` `invalid_configuration` when the configuration has none for the priority.
    func serviceTargets(for priority: CasePriority, in context: DecisionContext) throws -> ServiceTargets {
        guard let targets = context.configuration.targets(for: priority) else {
            throw DomainError(
                .invalidConfiguration,
                field: "data.priority",
                "data.priority \(priority.rawValue) has no service targets in the configuration"
            )
        }
        return targets
    }
}
