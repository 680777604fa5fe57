import RapportCRM
import RapportTime

/// The backlog's figures computed the slow, obvious way, to check ``BacklogModel`` against: every case's events
/// are picked out of the whole history and rescanned from the start for each figure, with no running state.
struct BacklogNaiveScan {
    /// Where a milestone stands, as the backlog documents it.
    enum Milestone: Equatable {
        case due, atRisk, breached, met, closedWithout
    }

    /// One case as the scan sees it at the moment.
    struct Case {
        var id: String
        var subject: String
        var owner: String?
        var priority: CasePriority
        var status: CaseStatus
        var openedAt: Timestamp
        var firstResponse: Milestone
        var resolution: Milestone
        var firstResponseMinutes: Int64?
        var resolutionMinutes: Int64?
        var escalated: Bool
        var reopened: Bool
        var finished: Bool

        var isOpen: Bool { [.new, .working, .escalated, .onHold].contains(status) }
    }

    /// Every case opened in the history, in log order of their openings.
    private(set) var cases: [Case] = []
    /// Cases opened per business day.
    private(set) var openedPerDay: [CalendarDate: Int] = [:]
    /// Closings per business day.
    private(set) var closedPerDay: [CalendarDate: Int] = [:]

    /// Scans a history.
    ///
    /// - Parameters:
    ///   - events: The events, in log order.
    ///   - asOf: The moment the figures are measured at.
    init(events: [RecordedEvent], asOf: Timestamp) {
        var seen: Set<RecordId> = []
        for event in events {
            guard case .case(.opened) = event.event, !seen.contains(event.stream.id) else { continue }
            seen.insert(event.stream.id)
            let history = events.compactMap { other -> (Timestamp, CaseEvent)? in
                guard other.stream == event.stream, other.position >= event.position,
                    case .case(let caseEvent) = other.event
                else { return nil }
                return (other.occurredAt, caseEvent)
            }
            cases.append(Self.scan(event.stream.id.text, history, asOf: asOf))
            openedPerDay[CalendarDate(event.occurredAt), default: 0] += 1
            for (time, caseEvent) in history {
                if case .closed = caseEvent { closedPerDay[CalendarDate(time), default: 0] += 1 }
            }
        }
    }

    private static func scan(_ id: String, _ events: [(Timestamp, CaseEvent)], asOf: Timestamp) -> Case {
        guard case .opened(let opened) = events[0].1 else { preconditionFailure("a case starts with its opening") }
        let lastReopen = events.lastIndex { if case .reopened = $0.1 { true } else { false } } ?? -1
        let firstResponse = events.firstIndex {
            if case .responseRecorded(let response) = $0.1 { response.firstResponse } else { false }
        }
        let resolution = events.lastIndex { if case .resolved = $0.1 { true } else { false } }
            .flatMap { $0 > lastReopen ? $0 : nil }
        let closing = events.lastIndex { if case .closed = $0.1 { true } else { false } }
            .flatMap { $0 > lastReopen ? $0 : nil }
        let status = currentStatus(events)
        func milestone(reachedAt index: Int?, target: (Int) -> Int) -> (Milestone, Int64?) {
            if let index {
                let clock = serviceClock(events, before: index, at: events[index].0)
                return (clock <= Int64(target(index)) * 60_000_000 ? .met : .breached, clock / 60_000_000)
            }
            if status == .closed, let closing {
                let clock = serviceClock(events, before: closing, at: events[closing].0)
                return (clock > Int64(target(closing)) * 60_000_000 ? .breached : .closedWithout, nil)
            }
            let clock = serviceClock(events, before: events.count, at: asOf)
            let allowed = Double(target(events.count)) * 60_000_000
            if Double(clock) > allowed { return (.breached, nil) }
            return (allowed - Double(clock) < allowed / 4 ? .atRisk : .due, nil)
        }
        let (firstResponseState, firstResponseMinutes) = milestone(reachedAt: firstResponse) {
            targets(events, before: $0).firstResponse
        }
        let (resolutionState, resolutionMinutes) = milestone(reachedAt: resolution) {
            targets(events, before: $0).resolution
        }
        return Case(
            id: id,
            subject: opened.subject,
            owner: events.reduce(opened.ownerId?.text) { owner, event in
                if case .assigned(let assigned) = event.1 { assigned.toOwnerId.text } else { owner }
            },
            priority: events.reduce(opened.priority) { priority, event in
                if case .priorityChanged(let changed) = event.1 { changed.toPriority } else { priority }
            },
            status: status,
            openedAt: events[0].0,
            firstResponse: firstResponseState,
            resolution: resolutionState,
            firstResponseMinutes: firstResponseMinutes,
            resolutionMinutes: resolutionMinutes,
            escalated: events.contains { if case .escalated = $0.1 { true } else { false } },
            reopened: lastReopen >= 0,
            finished: events.contains {
                switch $0.1 {
                case .resolved, .closed: true
                default: false
                }
            }
        )
    }

    /// The service clock at a moment, counting the events before an index: the time since the opening, less each
    /// hold's recorded minutes when it was resumed before the index, else the time since it began.
    private static func serviceClock(_ events: [(Timestamp, CaseEvent)], before end: Int, at moment: Timestamp)
        -> Int64
    {
        var held: Int64 = 0
        for index in 0..<end {
            guard case .putOnHold(let hold) = events[index].1 else { continue }
            let resumption = (index + 1..<end).first { if case .resumed = events[$0].1 { true } else { false } }
            if let resumption, case .resumed(let resumed) = events[resumption].1 {
                held += Int64(resumed.holdMinutes) * 60_000_000
            } else {
                held += max(0, moment.microsecondsSinceEpoch - hold.onHoldSince.microsecondsSinceEpoch)
            }
        }
        return max(0, moment.microsecondsSinceEpoch - events[0].0.microsecondsSinceEpoch - held)
    }

    /// The targets recorded last before an index.
    private static func targets(_ events: [(Timestamp, CaseEvent)], before end: Int)
        -> (firstResponse: Int, resolution: Int)
    {
        var targets = (firstResponse: 0, resolution: 0)
        for (_, event) in events[0..<end] {
            switch event {
            case .opened(let opened): targets = (opened.firstResponseMinutes, opened.resolutionMinutes)
            case .priorityChanged(let changed): targets = (changed.firstResponseMinutes, changed.resolutionMinutes)
            default: break
            }
        }
        return targets
    }

    /// The status after every event.
    private static func currentStatus(_ events: [(Timestamp, CaseEvent)]) -> CaseStatus {
        var status = CaseStatus.new
        for (_, event) in events {
            switch event {
            case .opened(let opened): status = opened.status
            case .responseRecorded: if status == .new { status = .working }
            case .escalated: status = .escalated
            case .putOnHold: status = .onHold
            case .resumed(let resumed): status = resumed.status
            case .resolved: status = .resolved
            case .closed: status = .closed
            case .reopened(let reopened): status = reopened.status
            case .assigned, .priorityChanged, .transferred: break
            }
        }
        return status
    }
}
