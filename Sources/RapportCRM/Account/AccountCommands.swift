/// Opens an account.
public struct OpenAccount: CommandPayload {
    public static let commandType = "OpenAccount"

    /// The new account's id.
    public var accountId: RecordId
    /// The account's name (required, at most 255 characters).
    public var name: String
    /// The account's type, e.g. `Customer`.
    public var type: Optional<String>
    /// The industry.
    public var industry: Optional<String>
    /// The owning user.
    public var ownerId: RecordId
    /// The parent company's account, which must exist.
    public var parentAccountId: Optional<RecordId>
    /// The web site.
    public var website: Optional<String>
    /// Yearly revenue, not negative.
    public var annualRevenue: Optional<Money>
    /// Number of employees, not negative.
    public var employees: Optional<Int>
    /// The billing country.
    public var billingCountry: Optional<String>
    /// The sales territory.
    public var territory: Optional<String>

    /// Creates the command.
    public init(
        accountId: RecordId,
        name: String,
        type: String? = nil,
        industry: String? = nil,
        ownerId: RecordId,
        parentAccountId: RecordId? = nil,
        website: String? = nil,
        annualRevenue: Money? = nil,
        employees: Int? = nil,
        billingCountry: String? = nil,
        territory: String? = nil
    ) {
        self.accountId = accountId
        self.name = name
        self.type = type
        self.industry = industry
        self.ownerId = ownerId
        self.parentAccountId = parentAccountId
        self.website = website
        self.annualRevenue = annualRevenue
        self.employees = employees
        self.billingCountry = billingCountry
        self.territory = territory
    }

    public var target: StreamName { StreamName(.account, accountId) }
    public var command: CRMCommand { .account(.open(self)) }
}

/// Changes an account's descriptive fields or its parent; only the fields given are changed.
///
/// An empty text clears an optional field. The event records only the fields whose value differs from the
/// account's; a command that changes nothing succeeds with no event.
public struct UpdateAccount: CommandPayload {
    public static let commandType = "UpdateAccount"

    /// The account to change.
    public var accountId: RecordId
    /// The new name (not empty).
    public var name: Optional<String>
    /// The new type, e.g. `Customer`.
    public var type: Optional<String>
    /// The new industry.
    public var industry: Optional<String>
    /// The new web site.
    public var website: Optional<String>
    /// The new yearly revenue, not negative.
    public var annualRevenue: Optional<Money>
    /// The new number of employees, not negative.
    public var employees: Optional<Int>
    /// The new billing country.
    public var billingCountry: Optional<String>
    /// The new sales territory.
    public var territory: Optional<String>
    /// The new parent account: it must exist, and be neither the account nor one of its descendants.
    public var parentAccountId: Optional<RecordId>
    /// `true` detaches the account from its parent, making it the top of its own hierarchy.
    public var removeParent: Optional<Bool>

    /// Creates the command.
    public init(
        accountId: RecordId,
        name: String? = nil,
        type: String? = nil,
        industry: String? = nil,
        website: String? = nil,
        annualRevenue: Money? = nil,
        employees: Int? = nil,
        billingCountry: String? = nil,
        territory: String? = nil,
        parentAccountId: RecordId? = nil,
        removeParent: Bool? = nil
    ) {
        self.accountId = accountId
        self.name = name
        self.type = type
        self.industry = industry
        self.website = website
        self.annualRevenue = annualRevenue
        self.employees = employees
        self.billingCountry = billingCountry
        self.territory = territory
        self.parentAccountId = parentAccountId
        self.removeParent = removeParent
    }

    public var target: StreamName { StreamName(.account, accountId) }
    public var command: CRMCommand { .account(.update(self)) }
}
