import RapportCRM
import RapportTime

extension RowTranslator {
    /// Where a case stands after an update, as the import follows it from row to row.
    struct CaseTrack {
        var status: CaseStatus
        var priority: CasePriority
        var ownerId: RecordId?
        var responded: Bool
        /// Whether the case was ever escalated: Rapport keeps a case escalated for good, so it escalates once.
        var escalated = false
        var updatedAt: Timestamp
    }

    /// What one update row says about its case.
    private struct CaseUpdate {
        var id: RecordId
        var accountId: RecordId
        var status: CaseStatus
        var holdReason: String
        var priority: CasePriority
        var ownerId: RecordId?
        var subject: String
        var openedAt: Timestamp
        var updatedAt: Timestamp
        var resolution: String
        var reopenReason: String
        var escalationReason: String
    }

    /// The order of a case's update rows (by sequence, then file order) and which of them are out of order: an
    /// update dated before the one it follows is a stale copy (a real audit log has some) and is skipped, since a
    /// case's history only moves forward.
    ///
    /// - Parameter rows: One case's rows, in file order.
    /// - Returns: The rows in sequence order, each with the reason it is skipped, if it is.
    func caseOrder(_ rows: [CSVTable.Row]) -> [(row: CSVTable.Row, skip: ImportProblem?)] {
        let sequenceRule = rule("sequence") ?? ValueRule()
        let timeRule = rule("updatedAt") ?? ValueRule()
        let keyed = rows.enumerated().map { index, row in
            (row: row, sequence: (try? values(row).integer(sequenceRule, field: "sequence")) ?? nil, index: index)
        }
        let sorted = keyed.sorted { ($0.sequence ?? Int.max, $0.index) < ($1.sequence ?? Int.max, $1.index) }
        var latest: Timestamp?
        return sorted.map { entry in
            guard let time = (try? values(entry.row).time(timeRule, field: "updatedAt")) ?? nil else {
                return (entry.row, nil)
            }
            if let latest, time < latest {
                return (
                    entry.row,
                    ImportProblem(
                        "out_of_order_update",
                        field: timeRule.column,
                        "update \(entry.sequence.map(String.init) ?? "?") is dated \(time.rfc3339), before the update "
                            + "it follows (\(latest.rfc3339)): a stale copy, skipped"
                    )
                )
            }
            latest = time
            return (entry.row, nil)
        }
    }

    /// The commands of one update of a case, from where the case stood after the update before it (nil for the
    /// first, which opens the case at its opening time). Each change is dated at the update's time: a new owner,
    /// a new priority (neither while the case is resolved or closed), and the status moves — reopened when it was
    /// resolved or closed, resumed before it leaves a hold, a first response when work starts, an escalation the
    /// first time it is escalated, on hold, resolved, closed (a close without a resolved update gives the reason
    /// that it was not resolved). A case never returns to New.
    ///
    /// - Parameters:
    ///   - row: The update row.
    ///   - before: Where the case stood after the update before it.
    ///   - state: The state the earlier rows leave (for the account).
    /// - Returns: The plan and where the case stands after it.
    func casePlan(_ row: CSVTable.Row, after before: CaseTrack?, in state: DecisionState) -> (RowPlan, CaseTrack?) {
        var plan = RowPlan(row: row)
        do throws(ImportProblem) {
            let (values, key, id) = try identify(row, in: &plan)
            let update = try caseUpdate(id: id, values: values, state: state)
            var steps: [(CRMCommand, Timestamp?)] = []
            var track: CaseTrack
            if let before {
                track = before
            } else {
                plan.createsRecord = state.cases[id] == nil
                let open = OpenCase(
                    caseId: id,
                    accountId: update.accountId,
                    subject: update.subject,
                    priority: update.priority,
                    ownerId: update.ownerId
                )
                steps.append((open.command, update.openedAt))
                track = CaseTrack(
                    status: .new,
                    priority: update.priority,
                    ownerId: update.ownerId,
                    responded: false,
                    updatedAt: update.openedAt
                )
            }
            let time = update.updatedAt
            let isFinished = track.status == .resolved || track.status == .closed
            let staysFinished = update.status == .resolved || update.status == .closed
            if isFinished, !staysFinished || (track.status == .closed && update.status == .resolved) {
                steps.append((ReopenCase(caseId: id, reason: update.reopenReason).command, time))
                track.status = track.responded ? .working : .new
            }
            // A resolved or closed case takes no new owner or priority in Rapport; such edits of a finished
            // incident are not carried over.
            let isOpen = track.status != .closed && track.status != .resolved
            if let owner = update.ownerId, owner != track.ownerId, isOpen {
                steps.append((AssignCase(caseId: id, ownerId: owner).command, time))
                track.ownerId = owner
            }
            if update.priority != track.priority, isOpen {
                steps.append((ChangeCasePriority(caseId: id, priority: update.priority).command, time))
                track.priority = update.priority
            }
            if track.status == .onHold, update.status != .onHold {
                steps.append((ResumeCase(caseId: id).command, time))
                track.status = track.responded ? .working : .new
            }
            switch update.status {
            case .working, .escalated:
                if !track.responded {
                    steps.append((RecordCaseResponse(caseId: id).command, time))
                    track.responded = true
                }
                if update.status == .escalated, !track.escalated {
                    steps.append((EscalateCase(caseId: id, reason: update.escalationReason).command, time))
                    track.escalated = true
                }
                track.status = .working
            case .onHold where track.status != .onHold:
                steps.append((PutCaseOnHold(caseId: id, reason: update.holdReason).command, time))
                track.status = .onHold
            case .resolved where track.status != .resolved:
                steps.append((ResolveCase(caseId: id, resolution: update.resolution).command, time))
                track.status = .resolved
            case .closed where track.status != .closed:
                let reason = track.status == .resolved ? nil : "closed without a resolved update"
                steps.append((CloseCase(caseId: id, reason: reason).command, time))
                track.status = .closed
            default:
                break
            }
            track.updatedAt = time
            plan.commands = envelopes(steps, row: row, key: key)
            return (plan, track)
        } catch {
            plan.failure = error
            return (plan, before)
        }
    }

    private func caseUpdate(id: RecordId, values: RowValues, state: DecisionState) throws(ImportProblem) -> CaseUpdate {
        let statusRule = rule("status") ?? ValueRule()
        let statusText = try values.requiredText(statusRule, field: "status")
        guard let status = CaseStatus(rawValue: statusText) else {
            throw ImportProblem(
                "invalid_status",
                field: statusRule.column,
                "\(values.describe(statusRule)) \"\(statusText)\" is not a case status "
                    + "(\(CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))); map it with values"
            )
        }
        let priorityRule = rule("priority") ?? ValueRule()
        let priorityText = try values.requiredText(priorityRule, field: "priority")
        guard let priority = CasePriority(rawValue: priorityText) else {
            throw ImportProblem(
                "invalid_priority",
                field: priorityRule.column,
                "\(values.describe(priorityRule)) \"\(priorityText)\" is not a case priority "
                    + "(\(CasePriority.allCases.map(\.rawValue).joined(separator: ", "))); map it with values"
            )
        }
        guard let accountId = try parent(values, in: state) else {
            throw ImportProblem("parent_missing", "the case has no account")
        }
        let openedRule = rule("openedAt") ?? ValueRule()
        let updatedRule = rule("updatedAt") ?? ValueRule()
        guard let openedAt = try values.time(openedRule, field: "openedAt") else {
            throw ImportProblem("missing_value", field: openedRule.column, "\(values.describe(openedRule)) is empty")
        }
        guard let updatedAt = try values.time(updatedRule, field: "updatedAt") else {
            throw ImportProblem("missing_value", field: updatedRule.column, "\(values.describe(updatedRule)) is empty")
        }
        return CaseUpdate(
            id: id,
            accountId: accountId,
            status: status,
            holdReason: rule("holdReason").flatMap { values.text($0) } ?? statusText,
            priority: priority,
            ownerId: try rule("ownerId").flatMap { rule throws(ImportProblem) in try values.id(rule, field: "ownerId")
            },
            subject: try values.requiredText(rule("subject") ?? ValueRule(), field: "subject"),
            openedAt: openedAt,
            updatedAt: max(updatedAt, openedAt),
            resolution: rule("resolution").flatMap { values.text($0) } ?? "resolved",
            reopenReason: rule("reopenReason").flatMap { values.text($0) } ?? "reopened",
            escalationReason: rule("escalationReason").flatMap { values.text($0) } ?? statusText
        )
    }
}
