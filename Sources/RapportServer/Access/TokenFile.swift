import Crypto
import Foundation
import RapportLog
import RapportTime

/// The tokens file: a JSON list of ``TokenRecord``s, replaced atomically whenever a token is added.
///
/// A token is `rpt_<id>_<secret>`: the id names it in logs, the secret is 32 random bytes. Only the SHA-256 of the
/// whole token is stored, so the file does not let anyone act as a token's holder.
public struct TokenFile: Sendable {
    /// The file's path.
    public let path: String

    private struct Contents: Codable {
        var tokens: [TokenRecord]
    }

    /// Names the tokens file.
    ///
    /// - Parameter path: The file's path.
    public init(path: String) {
        self.path = path
    }

    /// Reads the tokens; a file that does not exist holds none.
    ///
    /// - Returns: The records, in creation order.
    /// - Throws: ``ServerError`` `invalid_tokens_file` when the file is unreadable or not a tokens file.
    public func records() throws -> [TokenRecord] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(Contents.self, from: data).tokens
        } catch {
            throw ServerError(.invalidTokensFile, "the tokens file \(path) can not be read: \(error)")
        }
    }

    /// Creates a token, stores its hash and returns it: the only time the token itself is seen.
    ///
    /// - Parameters:
    ///   - role: What the token may do.
    ///   - label: What it is for.
    /// - Returns: The token and its record.
    /// - Throws: ``ServerError`` `invalid_tokens_file` when the file can not be read or written.
    public func create(role: Role, label: String?) throws -> (token: String, record: TokenRecord) {
        var tokens = try records()
        let id = Self.randomHex(bytes: 6)
        let token = "rpt_\(id)_\(Self.randomHex(bytes: 32))"
        let record = TokenRecord(
            id: id,
            role: role,
            sha256: Self.hash(of: token),
            createdAt: .now(),
            label: label
        )
        tokens.append(record)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let bytes = try encoder.encode(Contents(tokens: tokens))
            let folder = (path as NSString).deletingLastPathComponent
            let directory = DataDirectory(path: folder.isEmpty ? "." : folder)
            try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
            try directory.replaceAtomically([UInt8](bytes), at: path)
        } catch {
            throw ServerError(.invalidTokensFile, "the tokens file \(path) can not be written: \(error)")
        }
        return (token, record)
    }

    /// The SHA-256 of a token as lowercase hexadecimal, the form the file stores.
    ///
    /// - Parameter token: The token.
    /// - Returns: 64 hexadecimal digits.
    public static func hash(of token: String) -> String {
        Hexadecimal.lowercase(SHA256.hash(data: Data(token.utf8)))
    }

    private static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return Hexadecimal.lowercase((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

}
