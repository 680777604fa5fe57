extension PipelineModel {
    /// Totals by month summed into totals by quarter.
    static func quarters(_ months: [PipelineMonth: PipelineTotals]) -> [PipelineMonth: PipelineTotals] {
        var quarters: [PipelineMonth: PipelineTotals] = [:]
        for (month, totals) in months { quarters[month.quarter, default: PipelineTotals()].add(totals) }
        return quarters
    }

    /// Open deals by period, in date order.
    static func periods(
        _ totals: [PipelineMonth: PipelineTotals],
        _ text: (PipelineMonth) -> String
    ) -> [PipelineReport.Period] {
        totals.sorted { $0.key < $1.key }.map {
            .init(
                period: text($0.key),
                count: $0.value.count,
                amount: $0.value.money,
                weightedAmount: $0.value.weightedMoney
            )
        }
    }

    /// Won and lost deals by period, in date order.
    static func closedPeriods(
        _ won: [PipelineMonth: PipelineTotals],
        _ lost: [PipelineMonth: PipelineTotals],
        _ text: (PipelineMonth) -> String
    ) -> [PipelineReport.ClosedPeriod] {
        Set(won.keys).union(lost.keys).sorted().map { period in
            let (won, lost) = (won[period] ?? PipelineTotals(), lost[period] ?? PipelineTotals())
            return .init(
                period: text(period),
                won: total(won),
                lost: total(lost),
                winRate: rate(Int128(won.count), of: Int128(won.count + lost.count))
            )
        }
    }

    /// Totals as a count and an amount.
    static func total(_ totals: PipelineTotals) -> PipelineReport.Total {
        .init(count: totals.count, amount: totals.money)
    }

    /// Totals as a count, an amount and a weighted amount.
    static func weighted(_ totals: PipelineTotals) -> PipelineReport.Weighted {
        .init(count: totals.count, amount: totals.money, weightedAmount: totals.weightedMoney)
    }

    /// A part over a whole, held to 0...1; 0 when the whole is not positive.
    static func rate(_ part: Int128, of whole: Int128) -> Double {
        whole > 0 ? min(max(Double(part) / Double(whole), 0), 1) : 0
    }
}
