public import LogWorkloads
public import Rapport
public import RapportCRM
public import RapportLog
public import RapportProjections

/// Rebuilding the read models: every event of the log decoded into a typed, recorded event and folded into the
/// four read models, on one core; and the fold alone, over events decoded beforehand.
public enum ReadModelRebuild {
    /// Scans the whole log once, decoding every event (opening the personal values the read models fold) and
    /// folding it into empty read models.
    ///
    /// - Parameters:
    ///   - log: The log, holding CRM events only.
    ///   - keys: The keys that open the events' personal values.
    /// - Returns: The events folded and the time taken, and the models (to keep the work observable).
    /// - Throws: What the log or the decoders throw.
    public static func run(_ log: EventLog, keys: PersonalDataKeys) throws -> (Throughput, ReadModels) {
        let clock = ContinuousClock()
        let start = clock.now
        var models = ReadModels()
        let keys = keys.opening(only: ReadModels.personalDataEventTypes)
        let count = try log.scan { view in
            models.apply(try EventReading.event(in: view, keys: keys))
            return true
        }
        return (Throughput(records: Int(count), elapsed: clock.now - start), models)
    }

    /// Folds events decoded beforehand into empty read models.
    ///
    /// - Parameter events: The events, in log order.
    /// - Returns: The events folded and the time taken, and the models.
    public static func fold(_ events: [RecordedEvent]) -> (Throughput, ReadModels) {
        let clock = ContinuousClock()
        let start = clock.now
        var models = ReadModels()
        for event in events { models.apply(event) }
        return (Throughput(records: events.count, elapsed: clock.now - start), models)
    }
}
