public import RapportCRM
public import RapportLog

/// Settings for opening an engine.
public struct EngineOptions: Sendable {
    /// How the log syncs, rolls and sizes its batches.
    public var log: LogOptions
    /// Stages, lead statuses and service targets.
    public var configuration: CRMConfiguration

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
