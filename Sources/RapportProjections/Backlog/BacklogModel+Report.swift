import RapportCRM
import RapportTime

extension BacklogModel {
    /// The backlog at a moment.
    ///
    /// - Parameter context: The moment ages and service clocks are measured at, and the position reached.
    /// - Returns: The report.
    public func report(in context: ReportContext) -> BacklogReport {
        let asOf = context.asOf
        var open = OpenCaseTally()
        var levels = (0..<Self.priorities.count).map { _ in LevelTally() }
        var queues: [Int32: [Int]] = [:]
        var firstResponses: [Int64] = []
        var resolutions: [Int64] = []
        var rates = BacklogReport.Rates(opened: cases.count, escalated: 0, finished: 0, reopened: 0)
        for (index, record) in cases.enumerated() {
            let priority = Self.rank(of: record.priority)
            let firstResponse = record.firstResponseState(at: asOf)
            let resolution = record.resolutionState(at: asOf)
            levels[priority].firstResponse.count(firstResponse)
            levels[priority].resolution.count(resolution)
            if let clock = record.firstResponseClock { firstResponses.append(clock / CaseRecord.minute) }
            if let clock = record.resolutionClock { resolutions.append(clock / CaseRecord.minute) }
            if record.escalated { rates.escalated += 1 }
            if record.finished { rates.finished += 1 }
            if record.reopened { rates.reopened += 1 }
            guard record.isOpen else { continue }
            open.count(
                record,
                priority: priority,
                age: asOf.microsecondsSinceEpoch - record.openedAt.microsecondsSinceEpoch
            )
            if firstResponse == .breached || resolution == .breached { open.breached[priority] += 1 }
            queues[record.owner, default: []].append(index)
        }
        rates.escalationRate = BacklogReport.Rates.rate(rates.escalated, of: rates.opened)
        rates.reopenRate = BacklogReport.Rates.rate(rates.reopened, of: rates.finished)
        return BacklogReport(
            asOf: asOf,
            position: context.position,
            open: BacklogReport.OpenSummary(count: open.total, onHold: open.onHold, unassigned: open.unassigned),
            byPriority: Self.priorities.indices.map { index in
                BacklogReport.PriorityCount(
                    priority: Self.priorities[index],
                    count: open.byPriority[index],
                    breached: open.breached[index]
                )
            },
            byStatus: Self.openStatuses.indices.map { index in
                BacklogReport.StatusCount(status: Self.openStatuses[index], count: open.byStatus[index])
            },
            byAge: Self.ageBuckets.indices.map { index in
                BacklogReport.AgeCount(bucket: Self.ageBuckets[index].label, count: open.byAge[index])
            },
            cells: open.cells(),
            queues: queueReport(queues, asOf: asOf),
            sla: Self.serviceLevels(levels),
            firstResponseMinutes: BacklogReport.DurationSummary(minutes: firstResponses),
            resolutionMinutes: BacklogReport.DurationSummary(minutes: resolutions),
            daily: days.keys.sorted().map { day in
                BacklogReport.DayCount(date: day, opened: days[day]?.opened ?? 0, closed: days[day]?.closed ?? 0)
            },
            rates: rates
        )
    }

    /// The priorities, most urgent first.
    static let priorities: [CasePriority] = [.critical, .high, .medium, .low]
    /// The statuses of open cases, in lifecycle order.
    static let openStatuses: [CaseStatus] = [.new, .working, .escalated, .onHold]
    /// The age buckets, each with the age (in microseconds) its cases are younger than.
    static let ageBuckets: [(label: String, below: Int64)] = [
        ("0-1d", day), ("1-3d", 3 * day), ("3-7d", 7 * day), ("7-30d", 30 * day), (">30d", .max),
    ]
    /// Microseconds in a day.
    static let day: Int64 = 86_400_000_000

    /// A priority's place in ``priorities``.
    static func rank(of priority: CasePriority) -> Int {
        switch priority {
        case .critical: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        }
    }

    /// An open status's place in ``openStatuses``; nil for resolved and closed.
    static func rank(of status: CaseStatus) -> Int? {
        switch status {
        case .new: 0
        case .working: 1
        case .escalated: 2
        case .onHold: 3
        case .resolved, .closed: nil
        }
    }

    /// The bucket of an age in microseconds; a negative age (an opening after the moment) is in the first.
    static func bucket(ofAge age: Int64) -> Int {
        ageBuckets.firstIndex { age < $0.below } ?? ageBuckets.count - 1
    }

    private func queueReport(_ queues: [Int32: [Int]], asOf: Timestamp) -> [BacklogReport.Queue] {
        queues.keys.sorted(by: texts.nameOrder).map { owner in
            let indices = (queues[owner] ?? []).sorted { left, right in
                let (leftCase, rightCase) = (cases[left], cases[right])
                if leftCase.openedAt != rightCase.openedAt { return leftCase.openedAt < rightCase.openedAt }
                return leftCase.id < rightCase.id
            }
            return BacklogReport.Queue(
                ownerId: texts.text(owner),
                count: indices.count,
                cases: indices.map { index in
                    let record = cases[index]
                    return BacklogReport.QueuedCase(
                        caseId: record.id.text,
                        subject: texts.text(record.subject) ?? "",
                        priority: record.priority,
                        status: record.status,
                        openedAt: record.openedAt,
                        ageMinutes: max(0, asOf.microsecondsSinceEpoch - record.openedAt.microsecondsSinceEpoch)
                            / CaseRecord.minute
                    )
                }
            )
        }
    }

    private static func serviceLevels(_ levels: [LevelTally]) -> BacklogReport.ServiceLevels {
        var firstResponse = BacklogReport.MilestoneCounts()
        var resolution = BacklogReport.MilestoneCounts()
        for level in levels {
            firstResponse.add(level.firstResponse)
            resolution.add(level.resolution)
        }
        return BacklogReport.ServiceLevels(
            atRiskShare: 0.25,
            firstResponse: firstResponse,
            resolution: resolution,
            byPriority: priorities.indices.map { index in
                BacklogReport.PriorityServiceLevels(
                    priority: priorities[index],
                    firstResponse: levels[index].firstResponse,
                    resolution: levels[index].resolution
                )
            }
        )
    }
}

/// The milestone counts of the cases of one priority, while a report is computed.
private struct LevelTally {
    var firstResponse = BacklogReport.MilestoneCounts()
    var resolution = BacklogReport.MilestoneCounts()
}

extension BacklogReport.MilestoneCounts {
    /// Adds another set of counts.
    mutating func add(_ other: Self) {
        due += other.due
        atRisk += other.atRisk
        breached += other.breached
        met += other.met
        closedWithout += other.closedWithout
    }
}
