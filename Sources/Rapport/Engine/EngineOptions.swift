public import RapportCRM
public import RapportLog

/// Settings for opening an engine.
public struct EngineOptions: Sendable {
    /// How the log syncs, rolls and sizes its batches.
    public var log: LogOptions
    /// Stages, lead statuses and service targets.
    public var configuration: CRMConfiguration
    /// A snapshot is taken whenever the read models have folded this many events since the last one; 0 turns
    /// the automatic snapshots off (snapshots on demand and on close still happen).
    public var snapshotInterval: UInt64 = 1_000_000
    /// How many snapshots are kept; older ones are removed after each new one.
    public var keptSnapshots = 3
    /// Whether closing the engine takes a snapshot when events were appended since the last one.
    public var snapshotOnClose = true
    /// Receives what the engine has to say besides errors: a snapshot skipped and why, one taken.
    public var notice: @Sendable (String) -> Void = { _ in }

    /// Creates options.
    ///
    /// - Parameters:
    ///   - log: The log's settings (fsync durability by default).
    ///   - configuration: The CRM configuration (Salesforce's defaults by default).
    public init(log: LogOptions = LogOptions(), configuration: CRMConfiguration = .standard) {
        self.log = log
        self.configuration = configuration
    }
}
