import RapportCRM
import RapportProjections
import RapportTime

/// The dashboard's sections, each a titled card holding a chart (or a table) and a line saying what it shows.
enum DashboardSections {
    /// The most months and weeks a chart shows: the latest ones.
    static let monthLimit = 36
    static let weekLimit = 52
    /// The number of top accounts listed.
    static let accountLimit = 10

    /// All sections, in page order.
    ///
    /// - Parameter data: The figures.
    /// - Returns: The HTML.
    static func all(_ data: DashboardData) -> String {
        [
            pipelineFunnel(data.pipeline), forecast(data.pipeline), wonPerMonth(data.pipeline),
            winRateTrend(data.pipeline), backlog(data.backlog), breaches(data.breachWeeks), topAccounts(data.accounts),
        ]
        .joined(separator: "\n")
    }

    private static func card(_ title: String, note: String, _ body: String, wide: Bool = false) -> String {
        "<section class=\"card\(wide ? " wide" : "")\"><h2>\(HTMLText.escape(title))</h2>"
            + "<p class=\"note\">\(HTMLText.escape(note))</p>\(body)</section>"
    }

    static func money(_ amount: Money) -> Double {
        Double(amount.tenThousandths) / 10_000
    }

    private static func pipelineFunnel(_ report: PipelineReport) -> String {
        let points = report.byStage.map { stage in
            ChartPoint(
                label: stage.stage,
                value: money(stage.amount),
                detail: "\(stage.count) deals, \(HTMLText.grouped(money(stage.amount)))"
            )
        }
        return card(
            "Pipeline by stage",
            note: "Open deals in each stage, widths by amount.",
            points.isEmpty ? SVGChart.empty("No open deals.") : FunnelChart.svg(points, title: "Pipeline by stage")
        )
    }

    private static func forecast(_ report: PipelineReport) -> String {
        let points = report.forecast.categories.map { category in
            ChartPoint(
                label: category.category,
                value: money(category.amount),
                detail: "\(category.count) deals, \(HTMLText.grouped(money(category.amount)))"
            )
        }
        return card(
            "Forecast by category",
            note: "Open amount in each forecast category.",
            points.isEmpty
                ? SVGChart.empty("No open deals.")
                : BarChart.svg(points, title: "Forecast by category", color: nil)
        )
    }

    private static func wonPerMonth(_ report: PipelineReport) -> String {
        let points = report.closedByMonth.suffix(monthLimit).map { month in
            ChartPoint(
                label: month.period,
                value: money(month.won.amount),
                detail: "\(month.won.count) won, \(HTMLText.grouped(money(month.won.amount)))"
            )
        }
        return card(
            "Won revenue per month",
            note: "Amount of the deals won in each month they closed (the latest \(monthLimit) months).",
            points.isEmpty
                ? SVGChart.empty("No deal closed yet.") : BarChart.svg(points, title: "Won revenue per month")
        )
    }

    private static func winRateTrend(_ report: PipelineReport) -> String {
        let points = report.closedByMonth.suffix(monthLimit).map { month in
            ChartPoint(
                label: month.period,
                value: month.winRate,
                detail: "\(HTMLText.percent(month.winRate)) of \(month.won.count + month.lost.count) closed"
            )
        }
        return card(
            "Win rate trend",
            note: "Deals won out of deals closed, by count, per month.",
            points.isEmpty
                ? SVGChart.empty("No deal closed yet.")
                : LineChart.svg(points, title: "Win rate per month", maximum: 1, format: HTMLText.percent)
        )
    }

    private static func backlog(_ report: BacklogReport) -> String {
        let buckets = report.byAge.map(\.bucket)
        let series = CasePriority.allCases.enumerated().map { index, priority in
            ChartSeries(
                name: priority.rawValue,
                color: ["#dc2626", "#f59e0b", "#2563eb", "#94a3b8"][index % 4],
                values: buckets.map { bucket in
                    Double(
                        report.cells.filter { $0.priority == priority && $0.bucket == bucket }.reduce(0) {
                            $0 + $1.count
                        }
                    )
                }
            )
        }
        return card(
            "Case backlog by age and priority",
            note: "Open cases by time since they were opened, stacked by priority (\(report.open.count) open).",
            report.open.count == 0
                ? SVGChart.empty("No open case.")
                : StackedBarChart.svg(categories: buckets, series: series, title: "Open cases by age and priority")
        )
    }

    private static func breaches(_ weeks: [DashboardData.BreachWeek]) -> String {
        let shown = Array(weeks.suffix(weekLimit))
        let series = [
            ChartSeries(name: "First response", color: "#f59e0b", values: shown.map { Double($0.firstResponse) }),
            ChartSeries(name: "Resolution", color: "#dc2626", values: shown.map { Double($0.resolution) }),
        ]
        return card(
            "SLA breaches per week",
            note: "Service targets missed, in the week each target fell due (weeks from Monday, UTC; the latest "
                + "\(weekLimit)).",
            shown.isEmpty
                ? SVGChart.empty("No service target missed.")
                : StackedBarChart.svg(
                    categories: shown.map(\.monday.description),
                    series: series,
                    title: "SLA breaches per week"
                )
        )
    }

    private static func topAccounts(_ accounts: [DashboardData.AccountFigures]) -> String {
        let top = accounts.prefix(accountLimit)
        guard !top.isEmpty else {
            return card("Top accounts", note: "Accounts by lifetime won amount.", SVGChart.empty("No account."))
        }
        let rows = top.map { account in
            "<tr><td>\(HTMLText.escape(account.name))</td><td>\(HTMLText.escape(account.id))</td>"
                + "<td class=\"number\">\(HTMLText.grouped(money(account.won)))</td>"
                + "<td class=\"number\">\(HTMLText.grouped(money(account.openPipeline)))</td>"
                + "<td class=\"number\">\(account.openCases)</td><td class=\"number\">\(account.breachedSlas)</td></tr>"
        }
        let points = top.map {
            ChartPoint(label: $0.name, value: money($0.won), detail: HTMLText.grouped(money($0.won)))
        }
        return card(
            "Top accounts",
            note: "The \(top.count) accounts with the largest lifetime won amount, then open pipeline.",
            BarChart.svg(Array(points), title: "Lifetime won by account", color: nil)
                + "<table><thead><tr><th>Account</th><th>Id</th><th>Won</th><th>Open pipeline</th>"
                + "<th>Open cases</th><th>SLA breaches</th></tr></thead><tbody>\(rows.joined())</tbody></table>",
            wide: true
        )
    }
}
