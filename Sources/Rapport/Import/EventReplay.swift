import Foundation
import RapportCRM

/// The command that causes an event, so that an event exported by Rapport (`rapport export --format csv`) can be
/// imported again through the command path, validated like any command.
///
/// It covers the events of the records an import loads (accounts, opportunities, cases). An event only a command
/// across several records causes (a lead's conversion, a merge) has no command of its own to replay, and the
/// other kinds of record are not imported; those are refused as `unsupported_event`.
enum EventReplay {
    /// The command of an event.
    ///
    /// - Parameters:
    ///   - type: The event type, e.g. `OpportunityStageChanged`.
    ///   - stream: The record the event belongs to.
    ///   - data: The event's data, as JSON.
    /// - Returns: The command that, decided now, appends the event again.
    /// - Throws: ``ImportProblem`` `unsupported_event` for an event type without a command to replay, or
    ///   `invalid_value` (naming the `data` column) when the data is not the event type's JSON.
    static func command(type: String, stream: StreamName, data: Data) throws(ImportProblem) -> CRMCommand {
        guard let replay = replays[type] else {
            throw ImportProblem(
                "unsupported_event",
                field: "type",
                "\(type) events can not be imported: only the events of accounts, opportunities and cases that one "
                    + "command on one record causes are replayed"
            )
        }
        guard replay.kind == stream.kind else {
            throw ImportProblem(
                "invalid_value",
                field: "stream",
                "\(type) is an event of a \(replay.kind) record, not of \(stream)"
            )
        }
        do {
            return try replay.command(stream.id, data)
        } catch {
            throw ImportProblem("invalid_value", field: "data", "the data is not a \(type) event's JSON: \(error)")
        }
    }

    private struct Replay: Sendable {
        let kind: RecordKind
        let command: @Sendable (RecordId, Data) throws -> CRMCommand

        init<Event: EventPayload>(
            _ event: Event.Type,
            on kind: RecordKind,
            _ command: @escaping @Sendable (RecordId, Event) -> CRMCommand
        ) {
            self.kind = kind
            self.command = { id, data in command(id, try JSONDecoder().decode(Event.self, from: data)) }
        }
    }

    private static let replays: [String: Replay] = {
        let all = accountReplays + opportunityReplays + caseReplays
        return Dictionary(uniqueKeysWithValues: all.map { ($0.type, $0.replay) })
    }()

    private static let accountReplays: [(type: String, replay: Replay)] = [
        (
            AccountOpened.eventType,
            Replay(AccountOpened.self, on: .account) { id, event in
                OpenAccount(
                    accountId: id,
                    name: event.name,
                    type: event.type,
                    industry: event.industry,
                    ownerId: event.ownerId,
                    parentAccountId: event.parentAccountId,
                    website: event.website,
                    annualRevenue: event.annualRevenue,
                    employees: event.employees,
                    billingCountry: event.billingCountry,
                    territory: event.territory
                ).command
            }
        ),
        (
            AccountUpdated.eventType,
            Replay(AccountUpdated.self, on: .account) { id, event in
                UpdateAccount(
                    accountId: id,
                    name: event.name,
                    type: event.type,
                    industry: event.industry,
                    website: event.website,
                    annualRevenue: event.annualRevenue,
                    employees: event.employees,
                    billingCountry: event.billingCountry,
                    territory: event.territory,
                    parentAccountId: event.parentAccountId,
                    removeParent: event.parentRemoved
                ).command
            }
        ),
    ]

    private static let opportunityReplays: [(type: String, replay: Replay)] = [
        (
            OpportunityOpened.eventType,
            Replay(OpportunityOpened.self, on: .opportunity) { id, event in
                OpenOpportunity(
                    opportunityId: id,
                    accountId: event.accountId,
                    name: event.name,
                    amount: event.amount,
                    currency: event.currency,
                    closeDate: event.closeDate,
                    stage: event.stage,
                    ownerId: event.ownerId,
                    campaignId: event.campaignId
                ).command
            }
        ),
        (
            OpportunityStageChanged.eventType,
            Replay(OpportunityStageChanged.self, on: .opportunity) { id, event in
                ChangeOpportunityStage(opportunityId: id, stage: event.toStage).command
            }
        ),
        (
            OpportunityAmountChanged.eventType,
            Replay(OpportunityAmountChanged.self, on: .opportunity) { id, event in
                ChangeOpportunityAmount(opportunityId: id, amount: event.to).command
            }
        ),
        (
            OpportunityCloseDateMoved.eventType,
            Replay(OpportunityCloseDateMoved.self, on: .opportunity) { id, event in
                MoveOpportunityCloseDate(opportunityId: id, closeDate: event.to).command
            }
        ),
        (
            OpportunityClosedWon.eventType,
            Replay(OpportunityClosedWon.self, on: .opportunity) { id, event in
                CloseOpportunityWon(opportunityId: id, stage: event.stage).command
            }
        ),
        (
            OpportunityClosedLost.eventType,
            Replay(OpportunityClosedLost.self, on: .opportunity) { id, event in
                CloseOpportunityLost(opportunityId: id, reason: event.reason, stage: event.stage).command
            }
        ),
        (
            OpportunityReopened.eventType,
            Replay(OpportunityReopened.self, on: .opportunity) { id, event in
                ReopenOpportunity(opportunityId: id, stage: event.toStage).command
            }
        ),
    ]

    private static let caseReplays: [(type: String, replay: Replay)] = [
        (
            CaseOpened.eventType,
            Replay(CaseOpened.self, on: .case) { id, event in
                OpenCase(
                    caseId: id,
                    accountId: event.accountId,
                    contactId: event.contactId,
                    subject: event.subject,
                    description: event.description,
                    priority: event.priority,
                    origin: event.origin,
                    type: event.type,
                    ownerId: event.ownerId
                ).command
            }
        ),
        (
            CaseAssigned.eventType,
            Replay(CaseAssigned.self, on: .case) { id, event in AssignCase(caseId: id, ownerId: event.toOwnerId).command
            }
        ),
        (
            CaseResponseRecorded.eventType,
            Replay(CaseResponseRecorded.self, on: .case) { id, event in
                RecordCaseResponse(caseId: id, channel: event.channel, message: event.message).command
            }
        ),
        (
            CasePriorityChanged.eventType,
            Replay(CasePriorityChanged.self, on: .case) { id, event in
                ChangeCasePriority(caseId: id, priority: event.toPriority).command
            }
        ),
        (
            CaseEscalated.eventType,
            Replay(CaseEscalated.self, on: .case) { id, event in EscalateCase(caseId: id, reason: event.reason).command
            }
        ),
        (
            CasePutOnHold.eventType,
            Replay(CasePutOnHold.self, on: .case) { id, event in PutCaseOnHold(caseId: id, reason: event.reason).command
            }
        ),
        (CaseResumed.eventType, Replay(CaseResumed.self, on: .case) { id, _ in ResumeCase(caseId: id).command }),
        (
            CaseResolved.eventType,
            Replay(CaseResolved.self, on: .case) { id, event in
                ResolveCase(caseId: id, resolution: event.resolution).command
            }
        ),
        (
            CaseClosed.eventType,
            Replay(CaseClosed.self, on: .case) { id, event in CloseCase(caseId: id, reason: event.reason).command }
        ),
        (
            CaseReopened.eventType,
            Replay(CaseReopened.self, on: .case) { id, event in ReopenCase(caseId: id, reason: event.reason).command }
        ),
    ]
}
