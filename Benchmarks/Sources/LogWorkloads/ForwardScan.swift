public import RapportLog
import RapportTime

/// The replay path: reads every record forward with ``EventLog/scan(from:limit:_:)``, which decompresses each
/// batch and decodes each record in place.
public enum ForwardScan {
    /// Scans the whole log once, touching every field's length so that each record is really decoded.
    ///
    /// - Parameter log: The log to read.
    /// - Returns: The records read and the time taken, and a sum over the fields that keeps the work observable.
    /// - Throws: ``LogError`` from the log.
    public static func run(_ log: EventLog) throws -> (Throughput, checksum: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        var checksum = 0
        let count = try log.scan { view in
            checksum &+=
                view.payloadBytes.count &+ view.metadataBytes.count &+ view.streamIdBytes.count
                &+ view.typeBytes.count &+ Int(truncatingIfNeeded: view.streamVersion)
                &+ Int(truncatingIfNeeded: view.recordedAt.microsecondsSinceEpoch)
            return true
        }
        return (Throughput(records: Int(count), elapsed: clock.now - start), checksum)
    }
}
