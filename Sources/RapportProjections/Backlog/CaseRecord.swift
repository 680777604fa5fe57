import RapportCRM
import RapportTime

/// What the backlog keeps of one case: where it stands and what its service clock and milestones need, with
/// its subject and owner as numbers in the model's text pool.
///
/// The service clock of a case runs from its opening and stops while it is on hold: it is the time since the
/// opening less the minutes each ended hold recorded, less the time since the current hold began.
struct CaseRecord: Sendable, Hashable {
    /// The case's id.
    var id: RecordId
    /// The subject's number in the text pool.
    var subject: Int32
    /// The owner's number in the text pool, ``TextPool/none`` when unassigned.
    var owner: Int32
    /// The priority now.
    var priority: CasePriority
    /// The status now.
    var status: CaseStatus
    /// When the case was opened (business time).
    var openedAt: Timestamp
    /// The first-response target in force, in minutes of service clock.
    var firstResponseTarget: Int32
    /// The resolution target in force, in minutes of service clock.
    var resolutionTarget: Int32
    /// Microseconds on hold in the holds that ended, as their resumptions recorded them.
    var heldMicroseconds: Int64 = 0
    /// When the current hold began, while the case is on hold.
    var holdSince: Timestamp?
    /// The service clock at the first response, once there was one.
    var firstResponseClock: Int64?
    /// Whether the first response came within the target in force then.
    var firstResponseMet = false
    /// The service clock at the latest resolution, while the case stays resolved (a reopening clears it).
    var resolutionClock: Int64?
    /// Whether the latest resolution came within the target in force then.
    var resolutionMet = false
    /// The service clock when the case was closed, while it stays closed.
    var closedClock: Int64?
    /// Whether the case was ever escalated.
    var escalated = false
    /// Whether the case was ever reopened.
    var reopened = false
    /// Whether the case was ever resolved or closed.
    var finished = false

    /// Microseconds in a minute.
    static let minute: Int64 = 60_000_000

    /// Whether the case is still to be worked on: neither resolved nor closed.
    var isOpen: Bool { status != .resolved && status != .closed }

    /// The service clock at a moment: microseconds since the opening, time on hold excluded, never negative.
    ///
    /// - Parameter moment: The moment, at or after the case's latest event.
    /// - Returns: The clock, in microseconds.
    func clock(at moment: Timestamp) -> Int64 {
        let end = holdSince.map { min($0, moment) } ?? moment
        let elapsed = end.microsecondsSinceEpoch &- openedAt.microsecondsSinceEpoch &- heldMicroseconds
        return max(0, elapsed)
    }

    /// Records the first response at a moment, against the first-response target in force.
    ///
    /// - Parameter moment: When it was recorded.
    mutating func recordFirstResponse(at moment: Timestamp) {
        guard firstResponseClock == nil else { return }
        let clock = clock(at: moment)
        firstResponseClock = clock
        firstResponseMet = clock <= Int64(firstResponseTarget) * Self.minute
    }

    /// Records a resolution at a moment, against the resolution target in force.
    ///
    /// - Parameter moment: When the case was resolved.
    mutating func recordResolution(at moment: Timestamp) {
        let clock = clock(at: moment)
        resolutionClock = clock
        resolutionMet = clock <= Int64(resolutionTarget) * Self.minute
        status = .resolved
        finished = true
    }

    /// Records the closing at a moment.
    ///
    /// - Parameter moment: When the case was closed.
    mutating func recordClosing(at moment: Timestamp) {
        closedClock = clock(at: moment)
        status = .closed
        holdSince = nil
        finished = true
    }

    /// Records a reopening: the case is worked on again and its resolution milestone is open again, its clock
    /// still counted from the opening.
    ///
    /// - Parameter status: The status it returned to.
    mutating func recordReopening(to status: CaseStatus) {
        self.status = status
        reopened = true
        resolutionClock = nil
        resolutionMet = false
        closedClock = nil
    }

    /// Records the end of a hold.
    ///
    /// - Parameters:
    ///   - minutes: The hold's minutes, as the resumption recorded them.
    ///   - status: The status the case returned to.
    mutating func recordResumption(minutes: Int, to status: CaseStatus) {
        heldMicroseconds &+= Int64(clamping: minutes) &* Self.minute
        holdSince = nil
        self.status = status
    }
}
