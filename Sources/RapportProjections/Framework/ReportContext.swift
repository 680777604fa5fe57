public import RapportTime

/// What a report is computed for: the moment ages and service targets are measured at, and the log position
/// its read model has reached.
public struct ReportContext: Sendable, Hashable {
    /// The moment the report speaks of: ages, due times and overdue targets are measured at it.
    public var asOf: Timestamp
    /// The number of log events the read model has folded (the position after the last one).
    public var position: UInt64

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - asOf: The moment the report speaks of.
    ///   - position: The position the read model has reached.
    public init(asOf: Timestamp, position: UInt64) {
        self.asOf = asOf
        self.position = position
    }
}
