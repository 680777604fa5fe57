import RapportCRM
import RapportTime

/// Where a case's service milestone (first response or resolution) stands at a moment.
///
/// - `met`: reached within the target in force when it was reached.
/// - `breached`: reached late, or not reached and the service clock is past the target (a case closed without
///   the milestone is breached when its clock was past the target at the closing).
/// - `atRisk`: not reached, the case still running, and less than a quarter of the target left on the clock.
/// - `due`: not reached, the case still running, and at least a quarter of the target left.
/// - `closedWithout`: the case was closed without the milestone before its target passed.
enum MilestoneState: Sendable, Hashable {
    case due
    case atRisk
    case breached
    case met
    case closedWithout

    /// The state of a milestone not reached yet on a running case.
    ///
    /// - Parameters:
    ///   - clock: The service clock now, in microseconds.
    ///   - target: The target, in minutes.
    /// - Returns: `breached`, `atRisk` or `due`.
    static func running(clock: Int64, target: Int32) -> MilestoneState {
        let allowed = Int64(target) * CaseRecord.minute
        if clock > allowed { return .breached }
        return (allowed - clock) * 4 < allowed ? .atRisk : .due
    }

    /// The state of a milestone a case was closed without.
    ///
    /// - Parameters:
    ///   - clock: The service clock at the closing, in microseconds.
    ///   - target: The target, in minutes.
    /// - Returns: `breached` or `closedWithout`.
    static func closed(clock: Int64, target: Int32) -> MilestoneState {
        clock > Int64(target) * CaseRecord.minute ? .breached : .closedWithout
    }
}

extension CaseRecord {
    /// The first-response milestone at a moment; a case that is not closed can still get its first response.
    ///
    /// - Parameter moment: The moment.
    /// - Returns: The milestone's state.
    func firstResponseState(at moment: Timestamp) -> MilestoneState {
        if firstResponseClock != nil { return firstResponseMet ? .met : .breached }
        if status == .closed { return .closed(clock: closedClock ?? 0, target: firstResponseTarget) }
        return .running(clock: clock(at: moment), target: firstResponseTarget)
    }

    /// The resolution milestone at a moment, measured to the case's latest resolution.
    ///
    /// - Parameter moment: The moment.
    /// - Returns: The milestone's state.
    func resolutionState(at moment: Timestamp) -> MilestoneState {
        if resolutionClock != nil { return resolutionMet ? .met : .breached }
        if status == .closed { return .closed(clock: closedClock ?? 0, target: resolutionTarget) }
        return .running(clock: clock(at: moment), target: resolutionTarget)
    }
}
