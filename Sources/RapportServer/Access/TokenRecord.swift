public import RapportTime

/// One access token as the tokens file keeps it: never the secret, only its SHA-256.
public struct TokenRecord: Codable, Sendable, Hashable {
    /// The token's public id, also the first part of the token itself.
    public var id: String
    /// What the token may do.
    public var role: Role
    /// The SHA-256 of the whole token, as lowercase hexadecimal.
    public var sha256: String
    /// When it was created.
    public var createdAt: Timestamp
    /// What the token is for, as its creator described it.
    public var label: String?

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - id: The token's public id.
    ///   - role: What it may do.
    ///   - sha256: The SHA-256 of the token, lowercase hexadecimal.
    ///   - createdAt: When it was created.
    ///   - label: What it is for.
    public init(id: String, role: Role, sha256: String, createdAt: Timestamp, label: String?) {
        self.id = id
        self.role = role
        self.sha256 = sha256
        self.createdAt = createdAt
        self.label = label
    }
}
