public import Foundation
public import LogWorkloads
public import RapportCRM

/// Reading commands from their JSON form, the per-command work of `POST /commands` before the engine runs it:
/// syntax, envelope, the payload of the type named, and every field checked against the type's.
public enum CommandJSONDecoding {
    /// The JSON of the bulk workload's commands, in order.
    ///
    /// - Parameter accounts: The accounts of the demo history the commands come from.
    /// - Returns: One JSON text per command.
    /// - Throws: What encoding a command throws.
    public static func texts(accounts: Int) throws -> [Data] {
        try BulkCommands.batches(accounts: accounts).joined().map { try $0.encodedJSON() }
    }

    /// Decodes every text once.
    ///
    /// - Parameter texts: The commands' JSON.
    /// - Returns: The commands decoded and the time taken, and a sum that keeps the work observable.
    /// - Throws: What decoding a command throws.
    public static func run(_ texts: [Data]) throws -> (Throughput, checksum: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        var checksum = 0
        for text in texts {
            let envelope = try CommandEnvelope.decode(json: text)
            checksum &+= envelope.actor.utf8.count
        }
        return (Throughput(records: texts.count, elapsed: clock.now - start), checksum)
    }
}
