import RapportTime

extension DecisionState {
    /// Puts a case in progress on hold, noting when the hold began.
    func decideHold(_ command: PutCaseOnHold, in context: DecisionContext) throws -> [NewEvent] {
        _ = try caseInProgressNotOnHold(command.caseId, action: "put on hold again")
        let event = CasePutOnHold(
            reason: try FieldRules.text(command.reason, field: "data.reason"),
            onHoldSince: context.occurredAt
        )
        return [NewEvent(command.caseId, .case(.putOnHold(event)))]
    }

    /// Takes a case off hold, recording how long the hold lasted, back to the status it is worked in.
    func decideResume(_ command: ResumeCase, in context: DecisionContext) throws -> [NewEvent] {
        let state = try caseNotClosed(command.caseId)
        guard state.status == .onHold, let since = state.holdStartedAt else {
            throw DomainError(
                .caseNotOnHold,
                field: "data.caseId",
                "data.caseId names case \(command.caseId), which is \(state.status.rawValue), not on hold"
            )
        }
        let held = context.occurredAt.microsecondsSinceEpoch - since.microsecondsSinceEpoch
        guard held >= 0 else {
            throw DomainError(
                .caseResumedBeforeHold,
                field: "occurredAt",
                "occurredAt \(context.occurredAt) is before case \(command.caseId) went on hold at \(since)"
            )
        }
        let event = CaseResumed(holdMinutes: Int(held / 60_000_000), status: state.activeStatus)
        return [NewEvent(command.caseId, .case(.resumed(event)))]
    }

    /// Resolves a case in progress and not on hold.
    func decideResolve(_ command: ResolveCase) throws -> [NewEvent] {
        _ = try caseInProgressNotOnHold(command.caseId, action: "resolved")
        let event = CaseResolved(
            resolution: try FieldRules.text(
                command.resolution,
                field: "data.resolution",
                maximumLength: Self.caseLongTextLength
            )
        )
        return [NewEvent(command.caseId, .case(.resolved(event)))]
    }

    /// Closes a resolved case, or one in progress and not on hold when a reason says why.
    func decideClose(_ command: CloseCase) throws -> [NewEvent] {
        let state = try caseNotClosed(command.caseId)
        guard state.status != .onHold else {
            throw DomainError(
                .caseOnHold,
                field: "data.caseId",
                "data.caseId names case \(command.caseId), which is on hold: resume it before it is closed"
            )
        }
        let reason = try command.reason.map { try FieldRules.text($0, field: "data.reason") }
        guard state.status == .resolved || reason != nil else {
            throw DomainError(
                .caseNotResolved,
                field: "data.reason",
                "data.reason is required to close case \(command.caseId), which is not resolved"
            )
        }
        let event = CaseClosed(reason: reason, wasResolved: state.status == .resolved)
        return [NewEvent(command.caseId, .case(.closed(event)))]
    }

    /// Reopens a resolved or closed case, back to the status it is worked in.
    func decideReopen(_ command: ReopenCase) throws -> [NewEvent] {
        let state = try existingCase(command.caseId, field: "data.caseId")
        guard state.status == .resolved || state.status == .closed else {
            throw DomainError(
                .caseNotResolved,
                field: "data.caseId",
                "data.caseId names case \(command.caseId), which is \(state.status.rawValue): "
                    + "only a resolved or closed case can be reopened"
            )
        }
        let event = CaseReopened(
            reason: try FieldRules.text(command.reason, field: "data.reason"),
            fromStatus: state.status,
            status: state.activeStatus
        )
        return [NewEvent(command.caseId, .case(.reopened(event)))]
    }
}
