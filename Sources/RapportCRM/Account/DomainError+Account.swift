extension DomainError.Code {
    /// The account named does not exist.
    public static let accountNotFound = Self("account_not_found")
    /// An account with the id already exists.
    public static let accountExists = Self("account_exists")
    /// The account was merged into another and takes no changes.
    public static let accountMerged = Self("account_merged")
    /// The account is deactivated: it takes no new records, and deactivating it again is refused.
    public static let accountInactive = Self("account_inactive")
    /// The account is active, so there is nothing to reactivate.
    public static let accountActive = Self("account_active")
    /// The change would make an account its own ancestor (a parent that is the account or one of its
    /// descendants, or a merge into a descendant of the merged account).
    public static let accountHierarchyCycle = Self("account_hierarchy_cycle")
    /// The two accounts a command names are the same, where they must differ (a merge, a move).
    public static let sameAccount = Self("same_account")
}
