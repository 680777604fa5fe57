import RapportCRM
import RapportProjections
import RapportTime

/// The account view's totals computed the slow, obvious way, to check the model against: every event of every
/// record is kept, and each record's fate is worked out from its whole list of events at the end.
enum AccountNaiveTotals {
    /// The totals of every opened account.
    ///
    /// - Parameters:
    ///   - events: The events, in log order.
    ///   - asOf: The moment open cases are measured at.
    /// - Returns: The totals by account.
    static func totals(of events: [RecordedEvent], asOf: Timestamp) -> [RecordId: Figures] {
        var accounts: [RecordId] = []
        var owner: [RecordId: RecordId] = [:]
        var history: [RecordId: [RecordedEvent]] = [:]
        for event in events {
            let id = event.stream.id
            switch event.event {
            case .account(.opened): accounts.append(id)
            case .opportunity(.opened(let opened)): owner[id] = opened.accountId
            case .case(.opened(let opened)): owner[id] = opened.accountId
            case .activity(.logged(let logged)): owner[id] = logged.accountId
            case .activity(.taskCreated(let created)): owner[id] = created.accountId
            case .opportunity(.transferred(let moved)): owner[id] = moved.transfer.toAccountId
            case .case(.transferred(let moved)): owner[id] = moved.transfer.toAccountId
            case .activity(.transferred(let moved)): owner[id] = moved.transfer.toAccountId
            default: break
            }
            if event.stream.kind == .opportunity || event.stream.kind == .case || event.stream.kind == .activity {
                history[id, default: []].append(event)
            }
        }
        var totals: [RecordId: Figures] = [:]
        for account in accounts {
            let records = owner.filter { $0.value == account }.keys
            var won = Money.zero
            var open = Money.zero
            var weighted = Money.zero
            var openCases = 0
            var breached = 0
            var lastActivity: Timestamp?
            for id in records {
                let events = history[id] ?? []
                switch events.first?.stream.kind {
                case .opportunity:
                    let (status, amount, probability) = opportunity(events)
                    if status == "won" { won = won + amount }
                    if status == "open" {
                        open = open + amount
                        weighted = weighted + Money(tenThousandths: amount.tenThousandths * Int64(probability) / 100)
                    }
                case .case:
                    let (isOpen, isBreached) = supportCase(events, asOf: asOf)
                    if isOpen { openCases += 1 }
                    if isBreached { breached += 1 }
                case .activity:
                    let created = events.first { if case .activity(.transferred) = $0.event { false } else { true } }
                    if let at = created?.occurredAt { lastActivity = max(lastActivity ?? at, at) }
                default: break
                }
            }
            totals[account] = Figures(
                lifetimeWon: won,
                openPipeline: open,
                weightedPipeline: weighted,
                openCases: openCases,
                breachedSlas: breached,
                lastActivityAt: lastActivity
            )
        }
        return totals
    }

    /// The six totals, comparable with a report's.
    struct Figures: Equatable {
        var lifetimeWon: Money
        var openPipeline: Money
        var weightedPipeline: Money
        var openCases: Int
        var breachedSlas: Int
        var lastActivityAt: Timestamp?

        init(
            lifetimeWon: Money,
            openPipeline: Money,
            weightedPipeline: Money,
            openCases: Int,
            breachedSlas: Int,
            lastActivityAt: Timestamp?
        ) {
            self.lifetimeWon = lifetimeWon
            self.openPipeline = openPipeline
            self.weightedPipeline = weightedPipeline
            self.openCases = openCases
            self.breachedSlas = breachedSlas
            self.lastActivityAt = lastActivityAt
        }

        /// A report's totals.
        init(_ totals: AccountReport.Totals) {
            self.init(
                lifetimeWon: totals.lifetimeWon,
                openPipeline: totals.openPipeline,
                weightedPipeline: totals.weightedPipeline,
                openCases: totals.openCases,
                breachedSlas: totals.breachedSlas,
                lastActivityAt: totals.lastActivityAt
            )
        }
    }

    private static func opportunity(_ events: [RecordedEvent]) -> (status: String, amount: Money, probability: Int) {
        var status = "open"
        var amount = Money.zero
        var probability = 0
        for event in events {
            guard case .opportunity(let change) = event.event else { continue }
            switch change {
            case .opened(let opened): (amount, probability) = (opened.amount, opened.probability)
            case .stageChanged(let changed): probability = changed.probability
            case .amountChanged(let changed): amount = changed.to
            case .lineItemAdded(let added): amount = added.amount
            case .lineItemRemoved(let removed): amount = removed.amount
            case .closedWon(let closed): (status, amount) = ("won", closed.amount)
            case .closedLost(let closed): (status, amount) = ("lost", closed.amount)
            case .reopened(let reopened): (status, probability) = ("open", reopened.probability)
            case .closeDateMoved, .transferred: break
            }
        }
        return (status, amount, probability)
    }

    /// Whether a case is open at the end, and whether it missed a target: the first response against the target in
    /// force when it came, the last resolution (unless reopened after) against the one in force then, with every
    /// hold resumed before it subtracted; an open case against `asOf`, a current hold stopping the clock.
    private static func supportCase(_ events: [RecordedEvent], asOf: Timestamp) -> (open: Bool, breached: Bool) {
        let minute: Int64 = 60_000_000
        var opened = Timestamp(microsecondsSinceEpoch: 0)
        var targets = (firstResponse: 0, resolution: 0)
        var firstResponse: (at: Timestamp, late: Bool)?
        var resolution: (at: Timestamp, late: Bool)?
        var held = 0
        var holdSince: Timestamp?
        var status = CaseStatus.new
        for event in events {
            guard case .case(let change) = event.event else { continue }
            let at = event.occurredAt.microsecondsSinceEpoch
            switch change {
            case .opened(let open):
                opened = event.occurredAt
                targets = (open.firstResponseMinutes, open.resolutionMinutes)
            case .priorityChanged(let changed): targets = (changed.firstResponseMinutes, changed.resolutionMinutes)
            case .responseRecorded(let response) where response.firstResponse:
                let late = at - opened.microsecondsSinceEpoch > Int64(targets.firstResponse) * minute
                firstResponse = (event.occurredAt, late)
                status = status == .new ? .working : status
            case .putOnHold(let hold): (status, holdSince) = (.onHold, hold.onHoldSince)
            case .resumed(let resumed): (status, holdSince, held) = (resumed.status, nil, held + resumed.holdMinutes)
            case .resolved:
                let late =
                    at - opened.microsecondsSinceEpoch - Int64(held) * minute > Int64(targets.resolution) * minute
                (status, resolution) = (.resolved, (event.occurredAt, late))
            case .closed: status = .closed
            case .reopened(let reopened): (status, resolution) = (reopened.status, nil)
            case .escalated: status = .escalated
            default: break
            }
        }
        let isOpen = status != .resolved && status != .closed
        let clock = (holdSince.map { min($0, asOf) } ?? asOf).microsecondsSinceEpoch - opened.microsecondsSinceEpoch
        let firstResponseMissed =
            firstResponse?.late
            ?? (isOpen
                && asOf.microsecondsSinceEpoch - opened.microsecondsSinceEpoch > Int64(targets.firstResponse) * minute)
        let resolutionMissed =
            resolution?.late ?? (isOpen && clock - Int64(held) * minute > Int64(targets.resolution) * minute)
        return (isOpen, firstResponseMissed || resolutionMissed)
    }
}
