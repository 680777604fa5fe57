import RapportCRM
import RapportTime

extension AccountsModel.CaseRecord {
    /// Whether the case is still being worked: not resolved and not closed.
    var isOpen: Bool { status != .resolved && status != .closed }

    /// When the first response is due: the target in force after opening.
    var firstResponseDue: Timestamp { Self.time(openedAt, plus: firstResponseMinutes) }

    /// When the resolution is due: the target in force after opening, pushed back by every finished hold.
    var resolutionDue: Timestamp { Self.time(Self.time(openedAt, plus: resolutionMinutes), plus: heldMinutes) }

    /// Whether the first-response target was missed: the response came after it, or, while the case is open
    /// with no response, it is past at `asOf`.
    ///
    /// - Parameter asOf: The moment open cases are measured at.
    /// - Returns: `true` when missed.
    func firstResponseBreached(asOf: Timestamp) -> Bool {
        if firstResponseAt != nil { return firstResponseLate }
        return isOpen && asOf > firstResponseDue
    }

    /// Whether the resolution target was missed: the resolution came after it, or, while the case is open, it is
    /// past at `asOf` (a current hold stops the clock where it began).
    ///
    /// - Parameter asOf: The moment open cases are measured at.
    /// - Returns: `true` when missed.
    func resolutionBreached(asOf: Timestamp) -> Bool {
        if resolvedAt != nil { return resolutionLate }
        guard isOpen else { return false }
        let clock = onHoldSince.map { min($0, asOf) } ?? asOf
        return clock > resolutionDue
    }

    /// Whether either service target was missed.
    ///
    /// - Parameter asOf: The moment open cases are measured at.
    /// - Returns: `true` when one was.
    func breached(asOf: Timestamp) -> Bool {
        firstResponseBreached(asOf: asOf) || resolutionBreached(asOf: asOf)
    }

    /// The time some minutes after another, held at the ends of the range rather than overflowing on a damaged
    /// event.
    private static func time(_ start: Timestamp, plus minutes: Int) -> Timestamp {
        let span = Int64(clamping: minutes).multipliedReportingOverflow(by: 60_000_000)
        let microseconds = span.overflow ? (minutes < 0 ? Int64.min : Int64.max) : span.partialValue
        let sum = start.microsecondsSinceEpoch.addingReportingOverflow(microseconds)
        guard !sum.overflow else { return Timestamp(microsecondsSinceEpoch: microseconds < 0 ? .min : .max) }
        return Timestamp(microsecondsSinceEpoch: sum.partialValue)
    }
}
