import Foundation
import HTTPTypes
import RapportLog
import RapportTime
import Synchronization

/// The durable subscriptions' checkpoints, one small file per subscription under `<data>/subscriptions/`, each
/// replaced atomically (a synced temporary file renamed over it, then a directory sync) before an ack is answered.
final class SubscriptionStore: Sendable {
    /// The directory of the checkpoint files.
    let directory: String
    /// The checkpoints read or written so far; acks are written one at a time under this lock.
    private let known = Mutex<[SubscriptionName: SubscriptionCheckpoint]>([:])

    /// Names the store of a data directory; nothing is touched until a checkpoint is read or written.
    ///
    /// - Parameter dataDirectory: The engine's data directory.
    init(dataDirectory: String) {
        self.directory = dataDirectory + "/subscriptions"
    }

    /// A subscription's checkpoint.
    ///
    /// - Parameter name: The subscription.
    /// - Returns: Its checkpoint, or `nil` when it has never acknowledged anything.
    /// - Throws: ``Problem`` 500 `checkpoint_failure` when its file can not be read or is damaged.
    func checkpoint(of name: SubscriptionName) throws -> SubscriptionCheckpoint? {
        try known.withLock { known in try Self.load(name, from: directory, into: &known) }
    }

    /// Stores a subscription's new checkpoint durably.
    ///
    /// - Parameters:
    ///   - ack: The position processed, and whether moving back is meant.
    ///   - name: The subscription.
    ///   - end: The log's end: the position must be one of a durable event, before it.
    /// - Returns: The stored checkpoint.
    /// - Throws: ``Problem`` 422 `position_out_of_range` past the log's last event, 409 `checkpoint_regression`
    ///   before the stored position without `rewind`, 500 `checkpoint_failure` when the file can not be written.
    func acknowledge(_ ack: AckRequest, for name: SubscriptionName, end: UInt64) throws -> SubscriptionCheckpoint {
        guard ack.position < end else {
            throw Problem(
                .unprocessableContent,
                code: "position_out_of_range",
                end == 0
                    ? "the log is empty: there is no position to acknowledge yet"
                    : "position \(ack.position) is past the log's last position, \(end - 1)",
                field: "position"
            )
        }
        return try known.withLock { known in
            let stored = try Self.load(name, from: directory, into: &known)
            if let stored, ack.position < stored.position, !ack.rewind {
                throw Problem(
                    .conflict,
                    code: "checkpoint_regression",
                    "subscription \(name) is at position \(stored.position); an ack of \(ack.position) would move it "
                        + "back: send \"rewind\": true to mean that",
                    field: "position"
                )
            }
            if let stored, stored.position == ack.position {
                return stored
            }
            let checkpoint = SubscriptionCheckpoint(name: name.description, position: ack.position, updatedAt: .now())
            try write(checkpoint, for: name)
            known[name] = checkpoint
            return checkpoint
        }
    }

    private func write(_ checkpoint: SubscriptionCheckpoint, for name: SubscriptionName) throws {
        do {
            if !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try DataDirectory(path: (directory as NSString).deletingLastPathComponent).sync()
            }
            try DataDirectory(path: directory).replaceAtomically(
                try checkpoint.fileBytes(),
                at: Self.path(of: name, in: directory)
            )
        } catch {
            throw Self.failure("the checkpoint of subscription \(name) could not be stored: \(error)")
        }
    }

    private static func load(
        _ name: SubscriptionName,
        from directory: String,
        into known: inout [SubscriptionName: SubscriptionCheckpoint]
    ) throws -> SubscriptionCheckpoint? {
        if let checkpoint = known[name] {
            return checkpoint
        }
        let path = path(of: name, in: directory)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let checkpoint = try SubscriptionCheckpoint.read(bytes, name: name)
            known[name] = checkpoint
            return checkpoint
        } catch let error as ServerError {
            throw failure(error.message)
        } catch {
            throw failure("the checkpoint of subscription \(name) could not be read: \(error)")
        }
    }

    private static func path(of name: SubscriptionName, in directory: String) -> String {
        "\(directory)/\(name).checkpoint"
    }

    private static func failure(_ detail: String) -> Problem {
        Problem(.internalServerError, code: ServerError.Code.checkpointFailure.description, detail)
    }
}
