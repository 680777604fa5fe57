import RapportCRM
import RapportTime

extension BacklogReport {
    /// The backlog as tables: open cases, their breakdowns, service levels, times, rates, days and queues.
    public var tables: [ReportTable] {
        [
            ReportTable(
                title: "Open cases",
                columns: ["Open", "On hold", "Unassigned"],
                rows: [[String(open.count), String(open.onHold), String(open.unassigned)]]
            ),
            ReportTable(
                title: "Open by priority",
                columns: ["Priority", "Open", "Breached"],
                rows: byPriority.map { [$0.priority.rawValue, String($0.count), String($0.breached)] }
            ),
            ReportTable(
                title: "Open by status",
                columns: ["Status", "Open"],
                rows: byStatus.map { [$0.status.rawValue, String($0.count)] }
            ),
            ReportTable(
                title: "Open by age",
                columns: ["Age", "Open"],
                rows: byAge.map { [$0.bucket, String($0.count)] }
            ),
            ReportTable(
                title: "Open by priority, status and age",
                columns: ["Priority", "Status", "Age", "Open"],
                rows: cells.map { [$0.priority.rawValue, $0.status.rawValue, $0.bucket, String($0.count)] }
            ),
            serviceLevelTable,
            ReportTable(
                title: "Response and resolution times (minutes)",
                columns: ["Measure", "Cases", "Median", "P90"],
                rows: [
                    Self.durationRow("First response", firstResponseMinutes),
                    Self.durationRow("Resolution", resolutionMinutes),
                ]
            ),
            ReportTable(
                title: "Rates",
                columns: ["Rate", "Cases", "Of", "Share"],
                rows: [
                    ["Escalation", String(rates.escalated), String(rates.opened), Self.percent(rates.escalationRate)],
                    ["Reopen", String(rates.reopened), String(rates.finished), Self.percent(rates.reopenRate)],
                ]
            ),
            ReportTable(
                title: "Opened and closed per day",
                columns: ["Date", "Opened", "Closed"],
                rows: daily.map { [$0.date.description, String($0.opened), String($0.closed)] }
            ),
            ReportTable(
                title: "Queues",
                columns: ["Owner", "Case", "Subject", "Priority", "Status", "Opened", "Age (minutes)"],
                rows: queues.flatMap { queue in
                    queue.cases.map { queued in
                        [
                            queue.ownerId ?? "(unassigned)", queued.caseId, queued.subject, queued.priority.rawValue,
                            queued.status.rawValue, queued.openedAt.description, String(queued.ageMinutes),
                        ]
                    }
                }
            ),
        ]
    }

    private var serviceLevelTable: ReportTable {
        var rows: [[String]] = []
        for level in sla.byPriority {
            rows.append(Self.milestoneRow(level.priority.rawValue, "First response", level.firstResponse))
            rows.append(Self.milestoneRow(level.priority.rawValue, "Resolution", level.resolution))
        }
        rows.append(Self.milestoneRow("All", "First response", sla.firstResponse))
        rows.append(Self.milestoneRow("All", "Resolution", sla.resolution))
        return ReportTable(
            title: "Service levels",
            columns: ["Priority", "Milestone", "Due", "At risk", "Breached", "Met", "Closed without"],
            rows: rows
        )
    }

    private static func milestoneRow(_ priority: String, _ milestone: String, _ counts: MilestoneCounts) -> [String] {
        [
            priority, milestone, String(counts.due), String(counts.atRisk), String(counts.breached),
            String(counts.met), String(counts.closedWithout),
        ]
    }

    private static func durationRow(_ measure: String, _ summary: DurationSummary) -> [String] {
        [measure, String(summary.count), summary.median.map { String($0) } ?? "", summary.p90.map { String($0) } ?? ""]
    }

    /// A rate as a percentage with one decimal, e.g. `12.5%`; empty when there is none.
    static func percent(_ rate: Double?) -> String {
        guard let rate, rate.isFinite else { return "" }
        let tenths = Int((rate * 1000).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)%"
    }
}
