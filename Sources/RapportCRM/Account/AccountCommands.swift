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
