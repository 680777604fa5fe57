import RapportCRM
import RapportTime

/// The running sums of every deal's contribution: each event counts its deal out, changes it, and counts it
/// back in, so a changed amount, stage or status moves every figure at once and nothing is counted twice.
///
/// The figures are a function of the deals alone; the binary form stores the deals and rebuilds these.
struct PipelineFigures: Hashable, Sendable {
    /// Open deals.
    var open = PipelineTotals()
    /// Open deals by stage number.
    var openByStage: [PipelineTotals] = []
    /// Open deals by owner number.
    var openByOwner: [PipelineTotals] = []
    /// Won deals by owner number.
    var wonByOwner: [PipelineTotals] = []
    /// Lost deals by owner number.
    var lostByOwner: [PipelineTotals] = []
    /// Open deals by the month of their expected close date (months with none are left out).
    var openByMonth: [PipelineMonth: PipelineTotals] = [:]
    /// Open deals by recorded forecast category, by place in ``PipelineDeal/categories``.
    var openByCategory = [PipelineTotals](repeating: PipelineTotals(), count: PipelineDeal.categories.count)
    /// Won deals.
    var won = PipelineTotals()
    /// Lost deals.
    var lost = PipelineTotals()
    /// Won deals by the month they closed in.
    var wonByMonth: [PipelineMonth: PipelineTotals] = [:]
    /// Lost deals by the month they closed in.
    var lostByMonth: [PipelineMonth: PipelineTotals] = [:]
    /// The sum of won deals' sales cycles (opened to won, business time), in microseconds.
    var wonCycleMicroseconds: Int128 = 0
    /// How many deals entered each stage, by stage number.
    var enteredByStage: [Int] = []
    /// How many deals advanced from each stage, by stage number.
    var advancedByStage: [Int] = []

    /// Makes room for a new stage's figures.
    mutating func appendStage() {
        openByStage.append(PipelineTotals())
        enteredByStage.append(0)
        advancedByStage.append(0)
    }

    /// Makes room for a new owner's figures.
    mutating func appendOwner() {
        openByOwner.append(PipelineTotals())
        wonByOwner.append(PipelineTotals())
        lostByOwner.append(PipelineTotals())
    }

    /// Counts a deal in every figure its status puts it in.
    ///
    /// - Parameter deal: The deal.
    mutating func add(_ deal: PipelineDeal) {
        count(deal, sign: 1)
        Self.add(deal, sign: 1, to: &self[months: deal.status])
    }

    /// Counts a deal out of the figures as it was and back in as it is now.
    ///
    /// The month's totals are changed with one lookup when the deal stays in the same status and month (a new
    /// amount or stage), the most common change.
    ///
    /// - Parameters:
    ///   - old: The deal before an event.
    ///   - new: The deal after it.
    @inline(__always)
    mutating func replace(_ old: PipelineDeal, with new: PipelineDeal) {
        count(old, sign: -1)
        count(new, sign: 1)
        if old.status == new.status, old.closeMonth == new.closeMonth {
            Self.replace(old, with: new, in: &self[months: new.status])
        } else {
            Self.add(old, sign: -1, to: &self[months: old.status])
            Self.add(new, sign: 1, to: &self[months: new.status])
        }
    }

    /// The totals by month of deals in a status.
    private subscript(months status: PipelineDeal.Status) -> [PipelineMonth: PipelineTotals] {
        get {
            switch status {
            case .open: openByMonth
            case .won: wonByMonth
            case .lost: lostByMonth
            }
        }
        _modify {
            switch status {
            case .open: yield &openByMonth
            case .won: yield &wonByMonth
            case .lost: yield &lostByMonth
            }
        }
    }

    /// Counts a deal in (`sign` 1) or out (`sign` -1) of every figure but those by month.
    @inline(__always)
    private mutating func count(_ deal: PipelineDeal, sign: Int) {
        let amount = deal.amount
        let probability = deal.probability
        switch deal.status {
        case .open:
            open.add(amount, probability: probability, sign: sign)
            openByStage[Int(deal.stage)].add(amount, probability: probability, sign: sign)
            openByOwner[Int(deal.owner)].add(amount, probability: probability, sign: sign)
            openByCategory[PipelineDeal.place(of: deal.category)].add(amount, probability: probability, sign: sign)
        case .won:
            won.add(amount, probability: probability, sign: sign)
            wonByOwner[Int(deal.owner)].add(amount, probability: probability, sign: sign)
            let cycle = Int128(deal.closedAt.microsecondsSinceEpoch) - Int128(deal.openedAt.microsecondsSinceEpoch)
            wonCycleMicroseconds += sign > 0 ? cycle : -cycle
        case .lost:
            lost.add(amount, probability: probability, sign: sign)
            lostByOwner[Int(deal.owner)].add(amount, probability: probability, sign: sign)
        }
    }

    /// Counts the stages a deal newly entered or advanced from.
    ///
    /// - Parameters:
    ///   - before: The deal's stage bits before an event.
    ///   - after: The deal after it.
    @inline(__always)
    mutating func countStages(before: (entered: UInt64, advanced: UInt64), after deal: PipelineDeal) {
        Self.increment(&enteredByStage, bits: deal.enteredStages & ~before.entered)
        Self.increment(&advancedByStage, bits: deal.advancedStages & ~before.advanced)
    }

    private static func increment(_ counts: inout [Int], bits: UInt64) {
        var rest = bits
        while rest != 0 {
            counts[rest.trailingZeroBitCount] += 1
            rest &= rest - 1
        }
    }

    private static func add(_ deal: PipelineDeal, sign: Int, to totals: inout [PipelineMonth: PipelineTotals]) {
        totals[deal.closeMonth, default: PipelineTotals()].add(deal.amount, probability: deal.probability, sign: sign)
        if sign < 0, totals[deal.closeMonth]?.isEmpty == true { totals[deal.closeMonth] = nil }
    }

    private static func replace(
        _ old: PipelineDeal,
        with new: PipelineDeal,
        in totals: inout [PipelineMonth: PipelineTotals]
    ) {
        swap(old, new, in: &totals[new.closeMonth, default: PipelineTotals()])
    }

    private static func swap(_ old: PipelineDeal, _ new: PipelineDeal, in totals: inout PipelineTotals) {
        totals.add(old.amount, probability: old.probability, sign: -1)
        totals.add(new.amount, probability: new.probability, sign: 1)
    }
}
