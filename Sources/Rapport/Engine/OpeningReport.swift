/// How an engine was opened: from which snapshot, which snapshots were passed over and why, and how many events
/// were replayed after it.
public struct OpeningReport: Sendable, Hashable {
    /// A snapshot passed over and why.
    public struct SkippedSnapshot: Sendable, Hashable {
        /// The file.
        public var path: String
        /// Why it was not used: damaged, written by other read model versions, or not of this log's history.
        public var reason: String
    }

    /// The snapshot opened from, if any.
    public var snapshotPath: String?
    /// The position the snapshot stands for.
    public var snapshotPosition: UInt64?
    /// Snapshots passed over, newest first.
    public var skippedSnapshots: [SkippedSnapshot] = []
    /// The events read from the log to bring the state up to its end.
    public var replayedEvents: UInt64 = 0
}
