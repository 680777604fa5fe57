public import LogWorkloads
import RapportCRM
public import RapportLog

/// Decoding events from the log into typed values: every record's metadata and payload read into
/// ``EventMetadata`` and ``CRMEvent`` values, on the scanning thread.
public enum EventDecoding {
    /// Scans the whole log once and decodes every event.
    ///
    /// - Parameter log: The log, holding CRM events only.
    /// - Returns: The events decoded and the time taken, and a sum that keeps the work observable.
    /// - Throws: What the log or the decoders throw.
    public static func run(_ log: EventLog) throws -> (Throughput, checksum: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        var checksum = 0
        let count = try log.scan { view in
            let metadata = try EventMetadata(decoding: view.metadataBytes)
            let event = try CRMEvent.decode(
                type: view.typeBytes,
                schemaVersion: metadata.schemaVersion,
                payload: view.payloadBytes
            )
            checksum &+= metadata.actor.utf8.count &+ (event.kind == .opportunity ? 1 : 0)
            return true
        }
        return (Throughput(records: Int(count), elapsed: clock.now - start), checksum)
    }
}
