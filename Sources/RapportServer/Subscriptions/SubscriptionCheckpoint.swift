import Crypto
import Foundation
import RapportLog
import RapportTime

/// A durable subscription's checkpoint: the last position its subscriber has processed.
///
/// On disk it is two lines: the checkpoint as JSON, then `sha256:` and the SHA-256 of that first line in lowercase
/// hexadecimal, so that a damaged file is recognised rather than read as a wrong position.
struct SubscriptionCheckpoint: Codable, Sendable, Hashable {
    /// The subscription's name.
    var name: String
    /// The last position processed: the subscription's stream resumes after it.
    var position: UInt64
    /// When it was stored.
    var updatedAt: Timestamp

    /// The file's bytes.
    ///
    /// - Returns: The JSON line and its checksum line.
    /// - Throws: What the JSON encoder throws.
    func fileBytes() throws -> [UInt8] {
        let json = try Self.encoder.encode(self)
        return Array(json) + Array("\nsha256:\(Self.hash(json))\n".utf8)
    }

    /// Reads a checkpoint file.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - name: The subscription the file is named after.
    /// - Returns: The checkpoint.
    /// - Throws: ``ServerError`` `checkpoint_failure` when the file is damaged or belongs to another name.
    static func read(_ bytes: [UInt8], name: SubscriptionName) throws -> SubscriptionCheckpoint {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        let prefix = Array("sha256:".utf8)
        guard lines.count == 2, lines[1].starts(with: prefix),
            String(decoding: lines[1].dropFirst(prefix.count), as: UTF8.self) == hash(Data(lines[0]))
        else {
            throw ServerError(.checkpointFailure, "the checkpoint of subscription \(name) is damaged")
        }
        let checkpoint: SubscriptionCheckpoint
        do {
            checkpoint = try JSONDecoder().decode(SubscriptionCheckpoint.self, from: Data(lines[0]))
        } catch {
            throw ServerError(.checkpointFailure, "the checkpoint of subscription \(name) does not read: \(error)")
        }
        guard checkpoint.name == name.description else {
            throw ServerError(
                .checkpointFailure,
                "the checkpoint file of subscription \(name) holds subscription \(checkpoint.name)"
            )
        }
        return checkpoint
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func hash(_ bytes: Data) -> String {
        Hexadecimal.lowercase(SHA256.hash(data: bytes))
    }
}
