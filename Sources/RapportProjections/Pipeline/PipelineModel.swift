public import RapportCRM
import RapportTime

/// The sales pipeline: open deals by stage, owner and close period, the forecast by category, deals won and lost
/// by period, win rates, deal size, sales cycle, stage conversion and slipped close dates.
///
/// Every figure comes from what the opportunity events recorded (probability, forecast category, amount, close
/// date), never from the configuration of today. Each deal is kept in a compact record (``PipelineDeal``) with
/// its stage and owner as numbers into tables of names; each event counts its deal out of the running figures,
/// changes it and counts it back in, so a reopened deal is open again and no longer won or lost, and a changed
/// amount moves every figure it is in. Events of opportunities the model has not seen opened (a history cut by
/// a time window) are ignored. Transfers to another account (after a merge) change none of these figures.
public struct PipelineModel: ReadModel {
    /// The model's name, `pipeline`.
    public static let name = "pipeline"
    /// The version of the fold and of the binary form.
    public static let version = 1
    /// Opportunities only.
    public static let recordKinds: Set<RecordKind> = [.opportunity]

    /// Deal numbers by opportunity id.
    var dealNumbers: [RecordId: Int32] = [:]
    /// The deals, by number in the order they were opened.
    var deals: [PipelineDeal] = []
    /// The stages seen, with their rank.
    var stages = PipelineStages()
    /// The owners seen.
    var owners = TextTable<Int32>()
    /// The months each deal's close date moved out of to a later month: deal number in the high 32 bits, the
    /// month's key in the low 32.
    var slips: Set<UInt64> = []
    /// The running figures.
    var figures = PipelineFigures()

    /// An empty pipeline.
    public init() {}

    /// Folds one event; only opportunity events count.
    ///
    /// - Parameter event: The event, in log order.
    public mutating func apply(_ event: RecordedEvent) {
        guard case .opportunity(let change) = event.event else { return }
        if case .opened(let opened) = change {
            open(event.stream.id, opened, at: event.occurredAt)
            return
        }
        guard let number = dealNumbers[event.stream.id] else { return }
        let before = deals[Int(number)]
        var deal = before
        switch change {
        case .opened, .transferred:
            break
        case .stageChanged(let changed):
            enter(changed.toStage, probability: changed.probability, category: changed.forecastCategory, &deal)
        case .amountChanged(let changed):
            deal.amount = changed.to
        case .closeDateMoved(let moved):
            let (from, to) = (PipelineMonth(moved.from), PipelineMonth(moved.to))
            if to > from { slips.insert(Self.slip(number, from)) }
            deal.closeMonth = to
        case .lineItemAdded(let added):
            deal.amount = added.amount
        case .lineItemRemoved(let removed):
            deal.amount = removed.amount
        case .closedWon(let closed):
            close(&deal, .won, closed.stage, closed.probability, closed.forecastCategory, closed.amount)
            deal.closeMonth = PipelineMonth(closed.closeDate)
            deal.closedAt = event.occurredAt
            deal.advancedStages |= deal.enteredStages
        case .closedLost(let closed):
            close(&deal, .lost, closed.stage, closed.probability, closed.forecastCategory, closed.amount)
            deal.closeMonth = PipelineMonth(closed.closeDate)
            deal.closedAt = event.occurredAt
        case .reopened(let reopened):
            deal.status = .open
            enter(reopened.toStage, probability: reopened.probability, category: reopened.forecastCategory, &deal)
        }
        figures.replace(before, with: deal)
        figures.countStages(before: (before.enteredStages, before.advancedStages), after: deal)
        deals[Int(number)] = deal
    }

    /// The key of one slip in ``slips``.
    ///
    /// - Parameters:
    ///   - deal: The deal's number.
    ///   - month: The month its close date moved out of.
    /// - Returns: The key.
    static func slip(_ deal: Int32, _ month: PipelineMonth) -> UInt64 {
        UInt64(UInt32(bitPattern: deal)) << 32 | UInt64(UInt32(bitPattern: month.key))
    }

    private mutating func open(_ id: RecordId, _ opened: OpportunityOpened, at time: Timestamp) {
        guard dealNumbers[id] == nil, deals.count < Int(Int32.max) else { return }
        let probability = PipelineDeal.probability(opened.probability)
        let stage = stageNumber(opened.stage, probability: probability, open: true)
        let owner = ownerNumber(opened.ownerId.text)
        let deal = PipelineDeal(
            amount: opened.amount,
            openedAt: time,
            closedAt: time,
            enteredStages: PipelineDeal.bit(of: stage),
            advancedStages: 0,
            owner: owner,
            closeMonth: PipelineMonth(opened.closeDate),
            stage: stage,
            probability: probability,
            category: opened.forecastCategory,
            status: .open
        )
        dealNumbers[id] = Int32(deals.count)
        deals.append(deal)
        figures.add(deal)
        figures.countStages(before: (0, 0), after: deal)
    }

    /// Moves a deal into an open stage; every stage it entered before that ranks earlier has advanced.
    private mutating func enter(
        _ stageName: String,
        probability percent: Int,
        category: ForecastCategory,
        _ deal: inout PipelineDeal
    ) {
        let probability = PipelineDeal.probability(percent)
        let stage = stageNumber(stageName, probability: probability, open: true)
        var waiting = deal.enteredStages & ~deal.advancedStages
        while waiting != 0 {
            let earlier = Int32(waiting.trailingZeroBitCount)
            if stages.ranks(earlier, before: stage) { deal.advancedStages |= 1 << UInt64(earlier) }
            waiting &= waiting - 1
        }
        deal.enteredStages |= PipelineDeal.bit(of: stage)
        deal.stage = stage
        deal.probability = probability
        deal.category = category
    }

    private mutating func close(
        _ deal: inout PipelineDeal,
        _ status: PipelineDeal.Status,
        _ stageName: String,
        _ percent: Int,
        _ category: ForecastCategory,
        _ amount: Money
    ) {
        let probability = PipelineDeal.probability(percent)
        deal.stage = stageNumber(stageName, probability: probability, open: false)
        deal.status = status
        deal.probability = probability
        deal.category = category
        deal.amount = amount
    }

    private mutating func stageNumber(_ name: String, probability: UInt8, open: Bool) -> Int32 {
        let (number, isNew) = stages.number(of: name, probability: probability, open: open)
        if isNew { figures.appendStage() }
        return number
    }

    private mutating func ownerNumber(_ name: String) -> Int32 {
        if let number = owners.number(of: name) { return number }
        figures.appendOwner()
        return owners.append(name)
    }
}
