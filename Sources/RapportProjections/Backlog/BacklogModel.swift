public import RapportCRM
import RapportTime

/// The case backlog: every case's status, owner, age and service milestones, and cases opened and closed per day.
///
/// It folds case events only and uses the service targets each case recorded (when opened and when its priority
/// changed) and the hold minutes its resumptions recorded, never today's configuration. Events of a case whose
/// opening it has not folded are ignored. A case moved to another account (a merge) stays the same case.
public struct BacklogModel: ReadModel {
    /// The model's name, `backlog`.
    public static let name = "backlog"
    /// The version of the fold and of its binary form.
    public static let version = 1
    /// Cases only.
    public static let recordKinds: Set<RecordKind> = [.case]

    /// Every case, in the order they were opened.
    var cases: [CaseRecord] = []
    /// Each case's place in ``cases``.
    var caseIndex: [RecordId: Int] = [:]
    /// Subjects and owners.
    var texts = TextPool()
    /// Cases opened and closed per business day.
    var days: [CalendarDate: CaseDayTally] = [:]

    /// The backlog before any case.
    public init() {}

    /// Folds one event; events of other kinds are skipped.
    ///
    /// - Parameter event: The event, in log order.
    public mutating func apply(_ event: RecordedEvent) {
        guard case .case(let caseEvent) = event.event else { return }
        let id = event.stream.id
        if case .opened(let opened) = caseEvent {
            open(id, opened, at: event.occurredAt)
            return
        }
        guard let index = caseIndex[id] else { return }
        let moment = event.occurredAt
        switch caseEvent {
        case .opened, .transferred:
            break
        case .assigned(let assigned):
            cases[index].owner = texts.number(of: assigned.toOwnerId.text)
        case .responseRecorded(let response):
            if response.firstResponse { cases[index].recordFirstResponse(at: moment) }
            if cases[index].status == .new { cases[index].status = .working }
        case .priorityChanged(let changed):
            cases[index].priority = changed.toPriority
            cases[index].firstResponseTarget = Int32(clamping: changed.firstResponseMinutes)
            cases[index].resolutionTarget = Int32(clamping: changed.resolutionMinutes)
        case .escalated:
            cases[index].status = .escalated
            cases[index].escalated = true
        case .putOnHold(let hold):
            cases[index].status = .onHold
            cases[index].holdSince = hold.onHoldSince
        case .resumed(let resumed):
            cases[index].recordResumption(minutes: resumed.holdMinutes, to: resumed.status)
        case .resolved:
            cases[index].recordResolution(at: moment)
        case .closed:
            cases[index].recordClosing(at: moment)
            days[CalendarDate(moment), default: CaseDayTally()].closed += 1
        case .reopened(let reopened):
            cases[index].recordReopening(to: reopened.status)
        }
    }

    /// Adds a newly opened case; a second opening of the same id is ignored.
    private mutating func open(_ id: RecordId, _ opened: CaseOpened, at moment: Timestamp) {
        guard caseIndex[id] == nil else { return }
        caseIndex[id] = cases.count
        cases.append(
            CaseRecord(
                id: id,
                subject: texts.number(of: opened.subject),
                owner: texts.number(of: opened.ownerId?.text),
                priority: opened.priority,
                status: opened.status,
                openedAt: moment,
                firstResponseTarget: Int32(clamping: opened.firstResponseMinutes),
                resolutionTarget: Int32(clamping: opened.resolutionMinutes)
            )
        )
        days[CalendarDate(moment), default: CaseDayTally()].opened += 1
    }
}

/// How many cases were opened and closed on one business day.
struct CaseDayTally: Sendable, Hashable {
    /// Cases opened.
    var opened = 0
    /// Closings (a case closed again after a reopening counts again).
    var closed = 0
}
