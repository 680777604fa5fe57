/// Opens an account.
public struct OpenAccount: CommandPayload {
    public static let commandType = "OpenAccount"

    /// The new account's id.
    public var accountId: RecordId
    /// The account's name (required, at most 255 characters).
    public var name: String
    /// The account's type, e.g. `Customer`.
    public var type: String?
    /// The industry.
    public var industry: String?
    /// The owning user.
    public var ownerId: RecordId
    /// The parent company's account, which must exist.
    public var parentAccountId: RecordId?
    /// The web site.
    public var website: String?
    /// Yearly revenue, not negative.
    public var annualRevenue: Money?
    /// Number of employees, not negative.
    public var employees: Int?
    /// The billing country.
    public var billingCountry: String?
    /// The sales territory.
    public var territory: String?

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
    public var name: String?
    /// The new type, e.g. `Customer`.
    public var type: String?
    /// The new industry.
    public var industry: String?
    /// The new web site.
    public var website: String?
    /// The new yearly revenue, not negative.
    public var annualRevenue: Money?
    /// The new number of employees, not negative.
    public var employees: Int?
    /// The new billing country.
    public var billingCountry: String?
    /// The new sales territory.
    public var territory: String?
    /// The new parent account: it must exist, and be neither the account nor one of its descendants.
    public var parentAccountId: RecordId?
    /// `true` detaches the account from its parent, making it the top of its own hierarchy.
    public var removeParent: Bool?

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
