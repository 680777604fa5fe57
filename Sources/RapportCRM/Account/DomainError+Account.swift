extension DomainError.Code {
    /// The account named does not exist.
    public static let accountNotFound = Self("account_not_found")
    /// An account with the id already exists.
    public static let accountExists = Self("account_exists")
    /// The account was merged into another and takes no changes.
    public static let accountMerged = Self("account_merged")
    /// The account is deactivated and takes no new records.
    public static let accountInactive = Self("account_inactive")
}
