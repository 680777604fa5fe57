import RapportCRM
import RapportProjections

extension PipelineNaiveFigures {
    /// The same rows read from a report, to compare with the naive figures.
    ///
    /// - Parameter report: The model's report.
    init(report: PipelineReport) {
        func money(_ amount: Money) -> Int64 { amount.tenThousandths }
        summary = [
            Row(
                key: "open",
                numbers: [Int64(report.open.count), money(report.open.amount), money(report.open.weightedAmount)]
            ),
            Row(key: "won", numbers: [Int64(report.won.count), money(report.won.amount)]),
            Row(key: "lost", numbers: [Int64(report.lost.count), money(report.lost.amount)]),
            Row(key: "winRate", numbers: [Self.fixed(report.winRate.byCount), Self.fixed(report.winRate.byValue)]),
            Row(key: "averageDealSize", numbers: [money(report.averageDealSize)]),
            Row(
                key: "salesCycle",
                numbers: [
                    Int64(report.salesCycle.count), Self.fixed(report.salesCycle.averageDays),
                    Self.fixed(report.salesCycle.medianDays),
                ]
            ),
        ]
        byStage = report.byStage.map {
            Row(key: $0.stage, numbers: [Int64($0.count), money($0.amount), money($0.weightedAmount)])
        }
        byOwner = report.byOwner.map {
            Row(
                key: $0.owner,
                numbers: [Int64($0.count), money($0.amount), money($0.weightedAmount)]
                    + [Int64($0.won.count), money($0.won.amount), Int64($0.lost.count), money($0.lost.amount)]
            )
        }
        byCloseMonth = report.byCloseMonth.map {
            Row(key: $0.period, numbers: [Int64($0.count), money($0.amount), money($0.weightedAmount)])
        }
        byCloseQuarter = report.byCloseQuarter.map {
            Row(key: $0.period, numbers: [Int64($0.count), money($0.amount), money($0.weightedAmount)])
        }
        forecast = (report.forecast.categories + report.forecast.cumulative).map {
            Row(key: $0.category, numbers: [Int64($0.count), money($0.amount)])
        }
        let closedRow = { (period: PipelineReport.ClosedPeriod) in
            Row(
                key: period.period,
                numbers: [
                    Int64(period.won.count), money(period.won.amount), Int64(period.lost.count),
                    money(period.lost.amount), Self.fixed(period.winRate),
                ]
            )
        }
        closedByMonth = report.closedByMonth.map(closedRow)
        closedByQuarter = report.closedByQuarter.map(closedRow)
        conversion = report.stageConversion.map {
            Row(key: $0.stage, numbers: [Int64($0.entered), Int64($0.advanced), Self.fixed($0.rate)])
        }
        slippage =
            [Row(key: "slipped", numbers: [Int64(report.slippage.count), money(report.slippage.amount)])]
            + report.slippage.byMonth.map { Row(key: $0.period, numbers: [Int64($0.count), money($0.amount)]) }
    }
}
