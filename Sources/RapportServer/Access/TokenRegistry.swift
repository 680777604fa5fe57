import Foundation
import Synchronization

/// The tokens the server accepts, read from the tokens file and read again when the file changes, so that
/// `rapport token create` takes effect without a restart.
public final class TokenRegistry: Sendable {
    private struct State {
        var byHash: [String: TokenRecord] = [:]
        var modified: Date?
        var checked = Date.distantPast
    }

    private let file: TokenFile
    private let state = Mutex(State())

    /// Reads the tokens file.
    ///
    /// - Parameter file: The tokens file.
    /// - Throws: ``ServerError`` `invalid_tokens_file` when it can not be read.
    public init(file: TokenFile) throws {
        self.file = file
        try state.withLock { state in try Self.load(file, into: &state) }
    }

    /// How many tokens are accepted.
    public var count: Int { state.withLock { $0.byHash.count } }

    /// Finds the caller a presented token belongs to.
    ///
    /// The file is looked at again at most once a second; when it has become unreadable, the tokens read
    /// before stay in force.
    ///
    /// - Parameter token: The bearer token presented.
    /// - Returns: Its holder, or `nil` when the token is unknown.
    public func caller(presenting token: String) -> Caller? {
        let hash = TokenFile.hash(of: token)
        return state.withLock { state in
            let now = Date()
            if now.timeIntervalSince(state.checked) >= 1 {
                state.checked = now
                if Self.modificationDate(of: file.path) != state.modified {
                    try? Self.load(file, into: &state)
                }
            }
            return state.byHash[hash].map { Caller(tokenId: $0.id, role: $0.role) }
        }
    }

    private static func load(_ file: TokenFile, into state: inout State) throws {
        let modified = modificationDate(of: file.path)
        let records = try file.records()
        state.byHash = Dictionary(records.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
        state.modified = modified
    }

    private static func modificationDate(of path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
