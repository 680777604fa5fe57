/// Gives an account to another owner.
public struct ReassignAccountOwner: CommandPayload {
    public static let commandType = "ReassignAccountOwner"

    /// The account.
    public var accountId: RecordId
    /// The new owning user; the current owner again changes nothing.
    public var ownerId: RecordId

    /// Creates the command.
    public init(accountId: RecordId, ownerId: RecordId) {
        self.accountId = accountId
        self.ownerId = ownerId
    }

    public var target: StreamName { StreamName(.account, accountId) }
    public var command: CRMCommand { .account(.reassignOwner(self)) }
}

/// Deactivates an account: it keeps its records and can still be changed, but takes no new contacts,
/// opportunities, cases or activities until it is reactivated.
public struct DeactivateAccount: CommandPayload {
    public static let commandType = "DeactivateAccount"

    /// The account, which must be active.
    public var accountId: RecordId
    /// Why, e.g. `Went out of business`.
    public var reason: Optional<String>

    /// Creates the command.
    public init(accountId: RecordId, reason: String? = nil) {
        self.accountId = accountId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.account, accountId) }
    public var command: CRMCommand { .account(.deactivate(self)) }
}

/// Reactivates a deactivated account, undoing ``DeactivateAccount``.
public struct ReactivateAccount: CommandPayload {
    public static let commandType = "ReactivateAccount"

    /// The account, which must be deactivated.
    public var accountId: RecordId

    /// Creates the command.
    public init(accountId: RecordId) {
        self.accountId = accountId
    }

    public var target: StreamName { StreamName(.account, accountId) }
    public var command: CRMCommand { .account(.reactivate(self)) }
}

/// Merges a duplicate account into a survivor, atomically: the survivor takes over the duplicate's contacts,
/// opportunities, cases, activities and child accounts, and the duplicate points to the survivor and refuses
/// every later change.
public struct MergeAccounts: CommandPayload {
    public static let commandType = "MergeAccounts"

    /// The survivor, which must be active (its version is the one `expectedVersion` is checked against).
    public var accountId: RecordId
    /// The duplicate, merged away.
    public var mergedAccountId: RecordId

    /// Creates the command.
    public init(accountId: RecordId, mergedAccountId: RecordId) {
        self.accountId = accountId
        self.mergedAccountId = mergedAccountId
    }

    public var target: StreamName { StreamName(.account, accountId) }
    public var command: CRMCommand { .account(.merge(self)) }
}
