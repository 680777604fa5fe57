public import LogWorkloads
public import RapportCRM

/// Writing events as CloudEvents JSON, the work of serving an event stream, `GET /events` and exports: each event's
/// envelope and payload written to bytes, on one thread.
public enum CloudEventEncoding {
    /// Writes every event's CloudEvents JSON once.
    ///
    /// - Parameter events: The events.
    /// - Returns: The events written and the time taken, and the bytes written, which keeps the work observable.
    /// - Throws: What writing an event throws (never for events the domain made).
    public static func run(_ events: [RecordedEvent]) throws -> (Throughput, bytes: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        var bytes = 0
        for event in events {
            var json: [UInt8] = []
            event.appendCloudEventJSON(to: &json)
            bytes &+= json.count
        }
        return (Throughput(records: events.count, elapsed: clock.now - start), bytes)
    }
}
