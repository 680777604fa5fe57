import RapportCRM

/// Counts of open cases by priority, status, age bucket and all three together, while a backlog report is
/// computed.
struct OpenCaseTally {
    /// Open cases.
    var total = 0
    /// Open cases on hold.
    var onHold = 0
    /// Open cases with no owner.
    var unassigned = 0
    /// Open cases by priority rank.
    var byPriority = Array(repeating: 0, count: BacklogModel.priorities.count)
    /// Open cases with a breached milestone, by priority rank.
    var breached = Array(repeating: 0, count: BacklogModel.priorities.count)
    /// Open cases by status rank.
    var byStatus = Array(repeating: 0, count: BacklogModel.openStatuses.count)
    /// Open cases by age bucket.
    var byAge = Array(repeating: 0, count: BacklogModel.ageBuckets.count)
    /// Open cases by priority, status and age bucket, at ``cellIndex(priority:status:bucket:)``.
    private var byCell = Array(
        repeating: 0,
        count: BacklogModel.priorities.count * BacklogModel.openStatuses.count * BacklogModel.ageBuckets.count
    )

    /// Counts one open case.
    ///
    /// - Parameters:
    ///   - record: The case.
    ///   - priority: Its priority's rank.
    ///   - age: Its age in microseconds.
    mutating func count(_ record: CaseRecord, priority: Int, age: Int64) {
        guard let status = BacklogModel.rank(of: record.status) else { return }
        let bucket = BacklogModel.bucket(ofAge: age)
        total += 1
        if record.status == .onHold { onHold += 1 }
        if record.owner == TextPool.none { unassigned += 1 }
        byPriority[priority] += 1
        byStatus[status] += 1
        byAge[bucket] += 1
        byCell[Self.cellIndex(priority: priority, status: status, bucket: bucket)] += 1
    }

    /// The cells with cases, in priority, status and age order.
    ///
    /// - Returns: The cells.
    func cells() -> [BacklogReport.Cell] {
        var cells: [BacklogReport.Cell] = []
        for priority in BacklogModel.priorities.indices {
            for status in BacklogModel.openStatuses.indices {
                for bucket in BacklogModel.ageBuckets.indices {
                    let count = byCell[Self.cellIndex(priority: priority, status: status, bucket: bucket)]
                    guard count > 0 else { continue }
                    cells.append(
                        BacklogReport.Cell(
                            priority: BacklogModel.priorities[priority],
                            status: BacklogModel.openStatuses[status],
                            bucket: BacklogModel.ageBuckets[bucket].label,
                            count: count
                        )
                    )
                }
            }
        }
        return cells
    }

    private static func cellIndex(priority: Int, status: Int, bucket: Int) -> Int {
        (priority * BacklogModel.openStatuses.count + status) * BacklogModel.ageBuckets.count + bucket
    }
}
