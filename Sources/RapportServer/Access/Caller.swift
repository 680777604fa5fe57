/// The holder of an accepted token.
public struct Caller: Sendable, Hashable {
    /// The token's id (not the secret): names the caller in logs and limits.
    public var tokenId: String
    /// What the token may do.
    public var role: Role

    /// Creates a caller.
    ///
    /// - Parameters:
    ///   - tokenId: The token's id.
    ///   - role: The token's role.
    public init(tokenId: String, role: Role) {
        self.tokenId = tokenId
        self.role = role
    }
}
