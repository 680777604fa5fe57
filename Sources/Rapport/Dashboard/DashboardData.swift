import RapportCRM
import RapportLog
import RapportProjections
import RapportTime

/// The figures the dashboard shows, taken from the read models over one time window: the pipeline and backlog
/// reports, and from every account's 360 view the top accounts and the service targets breached per week.
struct DashboardData {
    /// One account's totals, for the top accounts.
    struct AccountFigures: Hashable {
        var id: String
        var name: String
        var won: Money
        var openPipeline: Money
        var openCases: Int
        var breachedSlas: Int
    }

    /// The service targets breached in one week (Monday to Sunday, UTC).
    struct BreachWeek: Hashable {
        var monday: CalendarDate
        var firstResponse: Int
        var resolution: Int
    }

    /// The moment the figures describe and the log position they reach.
    var context: ReportContext
    var pipeline: PipelineReport
    var backlog: BacklogReport
    /// Accounts not merged away, by lifetime won amount then open pipeline, largest first.
    var accounts: [AccountFigures]
    /// The weeks from the first breach to the last, in order.
    var breachWeeks: [BreachWeek]

    /// Reads the figures of a data directory over a window, from the read models of the newest fitting snapshot
    /// and the log after it (``ReadModelQuery``).
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - window: The part of the history.
    ///   - notice: Receives a line for each snapshot skipped.
    /// - Returns: The figures.
    /// - Throws: ``RapportError`` with code `log_failure` or `unreadable_event`.
    static func load(directory: String, window: TimeWindow, notice: @Sendable (String) -> Void) throws
        -> DashboardData
    {
        try ReadModelQuery.answer(in: window, directory: directory, notice: notice) { models, context in
            var accounts: [AccountFigures] = []
            var breaches: [CalendarDate: BreachWeek] = [:]
            for id in models.accounts.accountIds {
                guard let report = models.accounts.report(for: id, in: context), report.account.status != .merged
                else { continue }
                accounts.append(
                    AccountFigures(
                        id: id.text,
                        name: report.account.name,
                        won: report.totals.lifetimeWon,
                        openPipeline: report.totals.openPipeline,
                        openCases: report.totals.openCases,
                        breachedSlas: report.totals.breachedSlas
                    )
                )
                for serviceCase in report.openCases + report.closedCases {
                    if serviceCase.firstResponseBreached {
                        breaches[
                            week(of: serviceCase.firstResponseDueAt),
                            default: .init(serviceCase.firstResponseDueAt)
                        ]
                        .firstResponse += 1
                    }
                    if serviceCase.resolutionBreached {
                        breaches[week(of: serviceCase.resolutionDueAt), default: .init(serviceCase.resolutionDueAt)]
                            .resolution += 1
                    }
                }
            }
            accounts.sort {
                ($0.won, $0.openPipeline, $1.id) > ($1.won, $1.openPipeline, $0.id)
            }
            return DashboardData(
                context: context,
                pipeline: models.pipeline.report(in: context),
                backlog: models.backlog.report(in: context),
                accounts: accounts,
                breachWeeks: filled(breaches)
            )
        }
    }

    /// The Monday of the week (UTC) a moment falls in.
    static func week(of moment: Timestamp) -> CalendarDate {
        let day = CalendarDate(moment)
        // 1970-01-01 was a Thursday, three days after a Monday.
        let sinceMonday = ((Int(day.daysSinceEpoch) + 3) % 7 + 7) % 7
        return day.adding(days: -sinceMonday)
    }

    /// Every week from the first to the last that has breaches, those without as zero.
    private static func filled(_ weeks: [CalendarDate: BreachWeek]) -> [BreachWeek] {
        guard let first = weeks.keys.min(), let last = weeks.keys.max() else { return [] }
        var result: [BreachWeek] = []
        var monday = first
        while monday <= last {
            result.append(weeks[monday] ?? BreachWeek(monday: monday, firstResponse: 0, resolution: 0))
            monday = monday.adding(days: 7)
        }
        return result
    }
}

extension DashboardData.BreachWeek {
    /// An empty week holding a moment.
    fileprivate init(_ moment: Timestamp) {
        self.init(monday: DashboardData.week(of: moment), firstResponse: 0, resolution: 0)
    }
}
