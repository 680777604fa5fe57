import RapportCRM
import RapportProjections
import RapportTime

/// The pipeline's figures as plain rows, computed naively: the events of each opportunity are gathered, each deal
/// is replayed from its own events to its final state, and every figure is then summed from scratch over the
/// final deals. Months are the first seven characters of a date's text. It shares no code with the model, so
/// agreement between the two checks both.
struct PipelineNaiveFigures: Equatable {
    /// A row: a key (a stage, owner or period) and numbers (counts, amounts in ten-thousandths, rates in
    /// billionths).
    struct Row: Equatable, CustomStringConvertible {
        var key: String
        var numbers: [Int64]
        var description: String { "\(key) \(numbers)" }
    }

    var summary: [Row] = []
    var byStage: [Row] = []
    var byOwner: [Row] = []
    var byCloseMonth: [Row] = []
    var byCloseQuarter: [Row] = []
    var forecast: [Row] = []
    var closedByMonth: [Row] = []
    var closedByQuarter: [Row] = []
    var conversion: [Row] = []
    var slippage: [Row] = []

    /// A rate or a number of days as billionths, the precision both sides agree to.
    static func fixed(_ value: Double) -> Int64 { Int64((value * 1e9).rounded()) }

    /// A sum of amount × probability as the weighted amount in ten-thousandths, rounded half away from zero.
    static func weighted(_ sum: Int64) -> Int64 { sum >= 0 ? (sum + 50) / 100 : (sum - 50) / 100 }

    /// The month of a day, `YYYY-MM`.
    static func month(_ date: CalendarDate) -> String { String(date.description.prefix(7)) }

    /// The quarter of a month, `YYYY-Qn`.
    static func quarter(_ month: String) -> String {
        let number = Int(month.suffix(2)) ?? 1
        return "\(month.prefix(4))-Q\((number - 1) / 3 + 1)"
    }

    /// One opportunity replayed from its own events.
    struct Deal {
        var owner = ""
        var stage = ""
        var probability = 0
        var category = ForecastCategory.pipeline
        var amount: Int64 = 0
        var closeDate = CalendarDate(daysSinceEpoch: 0)
        var status = "open"
        var openedAt: Int64 = 0
        var closedAt: Int64 = 0
        /// The stages entered, in order, and "won" each time it closed won.
        var steps: [String] = []
        /// The months its close date moved out of to a later one.
        var slippedFrom: Set<String> = []
    }

    /// Replays one opportunity's events, the first of which must open it.
    static func replay(_ events: [(Timestamp, OpportunityEvent)]) -> Deal? {
        guard case .opened(let opened)? = events.first?.1 else { return nil }
        var deal = Deal()
        deal.owner = opened.ownerId.text
        deal.stage = opened.stage
        deal.probability = min(max(opened.probability, 0), 100)
        deal.category = opened.forecastCategory
        deal.amount = opened.amount.tenThousandths
        deal.closeDate = opened.closeDate
        deal.openedAt = events[0].0.microsecondsSinceEpoch
        deal.steps = [opened.stage]
        for (time, event) in events.dropFirst() {
            switch event {
            case .opened, .transferred: break
            case .stageChanged(let changed):
                (deal.stage, deal.probability, deal.category) =
                    (changed.toStage, changed.probability, changed.forecastCategory)
                deal.steps.append(changed.toStage)
            case .amountChanged(let changed): deal.amount = changed.to.tenThousandths
            case .closeDateMoved(let moved):
                if month(moved.to) > month(moved.from) { deal.slippedFrom.insert(month(moved.from)) }
                deal.closeDate = moved.to
            case .lineItemAdded(let added): deal.amount = added.amount.tenThousandths
            case .lineItemRemoved(let removed): deal.amount = removed.amount.tenThousandths
            case .closedWon(let closed):
                (deal.stage, deal.probability, deal.category) = (
                    closed.stage, closed.probability, closed.forecastCategory
                )
                (deal.amount, deal.closeDate, deal.status) = (closed.amount.tenThousandths, closed.closeDate, "won")
                deal.closedAt = time.microsecondsSinceEpoch
                deal.steps.append("won")
            case .closedLost(let closed):
                (deal.stage, deal.probability, deal.category) = (
                    closed.stage, closed.probability, closed.forecastCategory
                )
                (deal.amount, deal.closeDate, deal.status) = (closed.amount.tenThousandths, closed.closeDate, "lost")
                deal.closedAt = time.microsecondsSinceEpoch
            case .reopened(let reopened):
                (deal.stage, deal.probability, deal.category) =
                    (reopened.toStage, reopened.probability, reopened.forecastCategory)
                deal.status = "open"
                deal.steps.append(reopened.toStage)
            }
            deal.probability = min(max(deal.probability, 0), 100)
        }
        return deal
    }

    /// The stages in pipeline order: by the probability recorded when first seen, then by first seen; and the
    /// stages deals were ever open in.
    static func stageOrder(_ events: [RecordedEvent]) -> (ranked: [String], open: Set<String>) {
        var first: [String: (probability: Int, seen: Int)] = [:]
        var open: Set<String> = []
        func see(_ stage: String, _ probability: Int, isOpen: Bool) {
            if first[stage] == nil { first[stage] = (min(max(probability, 0), 100), first.count) }
            if isOpen { open.insert(stage) }
        }
        for event in events {
            guard case .opportunity(let change) = event.event else { continue }
            switch change {
            case .opened(let opened): see(opened.stage, opened.probability, isOpen: true)
            case .stageChanged(let changed): see(changed.toStage, changed.probability, isOpen: true)
            case .reopened(let reopened): see(reopened.toStage, reopened.probability, isOpen: true)
            case .closedWon(let closed): see(closed.stage, closed.probability, isOpen: false)
            case .closedLost(let closed): see(closed.stage, closed.probability, isOpen: false)
            default: break
            }
        }
        let ranked = first.sorted {
            ($0.value.probability, $0.value.seen) < ($1.value.probability, $1.value.seen)
        }.map(\.key)
        return (ranked, open)
    }

    /// The deals of a history, each replayed from its own events.
    static func deals(_ events: [RecordedEvent]) -> [Deal] {
        var byId: [RecordId: [(Timestamp, OpportunityEvent)]] = [:]
        var order: [RecordId] = []
        for event in events {
            guard case .opportunity(let change) = event.event else { continue }
            if byId[event.stream.id] == nil { order.append(event.stream.id) }
            byId[event.stream.id, default: []].append((event.occurredAt, change))
        }
        return order.compactMap { replay(byId[$0] ?? []) }
    }
}
