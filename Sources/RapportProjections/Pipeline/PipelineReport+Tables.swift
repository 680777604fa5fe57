extension PipelineReport {
    /// The report as tables: a summary, then open deals by stage, owner, close month and close quarter, the
    /// forecast, deals closed by month and quarter, stage conversion and slippage.
    public var tables: [ReportTable] {
        let weightedColumns = ["Count", "Amount", "Weighted amount"]
        let closedColumns = ["Won", "Won amount", "Lost", "Lost amount", "Win rate"]
        return [
            ReportTable(title: "Pipeline", columns: ["Figure", "Value"], rows: summaryRows),
            ReportTable(
                title: "Open by stage",
                columns: ["Stage"] + weightedColumns,
                rows: byStage.map { [$0.stage, "\($0.count)", "\($0.amount)", "\($0.weightedAmount)"] }
            ),
            ReportTable(
                title: "By owner",
                columns: [
                    "Owner", "Open", "Open amount", "Weighted amount", "Won", "Won amount", "Lost", "Lost amount",
                ],
                rows: byOwner.map {
                    [$0.owner, "\($0.count)", "\($0.amount)", "\($0.weightedAmount)"]
                        + [$0.won.count, $0.won.amount, $0.lost.count, $0.lost.amount].map { "\($0)" }
                }
            ),
            ReportTable(title: "Open by close month", columns: ["Month"] + weightedColumns, rows: rows(byCloseMonth)),
            ReportTable(
                title: "Open by close quarter",
                columns: ["Quarter"] + weightedColumns,
                rows: rows(byCloseQuarter)
            ),
            ReportTable(
                title: "Forecast",
                columns: ["Category", "Count", "Amount"],
                rows: forecast.categories.map { [$0.category, "\($0.count)", "\($0.amount)"] }
            ),
            ReportTable(
                title: "Forecast cumulative",
                columns: ["Category", "Count", "Amount"],
                rows: forecast.cumulative.map { [$0.category, "\($0.count)", "\($0.amount)"] }
            ),
            ReportTable(title: "Closed by month", columns: ["Month"] + closedColumns, rows: rows(closedByMonth)),
            ReportTable(title: "Closed by quarter", columns: ["Quarter"] + closedColumns, rows: rows(closedByQuarter)),
            ReportTable(
                title: "Stage conversion",
                columns: ["Stage", "Entered", "Advanced", "Rate"],
                rows: stageConversion.map {
                    [$0.stage, "\($0.entered)", "\($0.advanced)", Self.decimal($0.rate, digits: 4)]
                }
            ),
            ReportTable(
                title: "Slipped by month",
                columns: ["Month", "Count", "Amount"],
                rows: slippage.byMonth.map { [$0.period, "\($0.count)", "\($0.amount)"] }
            ),
        ]
    }

    private var summaryRows: [[String]] {
        [
            ["Open", "\(open.count)"],
            ["Open amount", "\(open.amount)"],
            ["Open weighted amount", "\(open.weightedAmount)"],
            ["Won", "\(won.count)"],
            ["Won amount", "\(won.amount)"],
            ["Lost", "\(lost.count)"],
            ["Lost amount", "\(lost.amount)"],
            ["Win rate by count", Self.decimal(winRate.byCount, digits: 4)],
            ["Win rate by value", Self.decimal(winRate.byValue, digits: 4)],
            ["Average deal size", "\(averageDealSize)"],
            ["Average sales cycle (days)", Self.decimal(salesCycle.averageDays, digits: 1)],
            ["Median sales cycle (days)", Self.decimal(salesCycle.medianDays, digits: 1)],
            ["Slipped", "\(slippage.count)"],
            ["Slipped amount", "\(slippage.amount)"],
        ]
    }

    private func rows(_ periods: [Period]) -> [[String]] {
        periods.map { [$0.period, "\($0.count)", "\($0.amount)", "\($0.weightedAmount)"] }
    }

    private func rows(_ periods: [ClosedPeriod]) -> [[String]] {
        periods.map {
            [$0.period, "\($0.won.count)", "\($0.won.amount)", "\($0.lost.count)", "\($0.lost.amount)"]
                + [Self.decimal($0.winRate, digits: 4)]
        }
    }

    /// A number with a fixed number of decimals, rounded half away from zero, e.g. `0.4500`.
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - digits: The decimals, 0 to 9.
    /// - Returns: The text.
    static func decimal(_ value: Double, digits: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard scaled.isFinite, abs(scaled) < 9e18 else { return "\(value)" }
        let units = Int64(scaled)
        let whole = units.magnitude / UInt64(scale)
        let sign = units < 0 ? "-" : ""
        guard digits > 0 else { return sign + "\(whole)" }
        let fraction = String(units.magnitude % UInt64(scale))
        return sign + "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
