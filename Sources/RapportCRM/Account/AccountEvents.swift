/// An account was opened: a company or person the business deals with.
public struct AccountOpened: EventPayload {
    public static let eventType = "AccountOpened"

    /// The account's name.
    public var name: String
    /// The account's type, e.g. `Customer` or `Partner`.
    public var type: Optional<String>
    /// The industry it is in.
    public var industry: Optional<String>
    /// The user who owns the account.
    public var ownerId: RecordId
    /// The parent company's account, for account hierarchies.
    public var parentAccountId: Optional<RecordId>
    /// The web site.
    public var website: Optional<String>
    /// Yearly revenue.
    public var annualRevenue: Optional<Money>
    /// Number of employees.
    public var employees: Optional<Int>
    /// The billing address's country.
    public var billingCountry: Optional<String>
    /// The sales territory.
    public var territory: Optional<String>
    /// The lead whose conversion opened the account, if one did.
    public var convertedFromLeadId: Optional<RecordId>

    /// Creates the event.
    public init(
        name: String,
        type: String? = nil,
        industry: String? = nil,
        ownerId: RecordId,
        parentAccountId: RecordId? = nil,
        website: String? = nil,
        annualRevenue: Money? = nil,
        employees: Int? = nil,
        billingCountry: String? = nil,
        territory: String? = nil,
        convertedFromLeadId: RecordId? = nil
    ) {
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
        self.convertedFromLeadId = convertedFromLeadId
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(name)
        writer.write(type)
        writer.write(industry)
        writer.write(ownerId)
        writer.write(parentAccountId)
        writer.write(website)
        writer.write(annualRevenue)
        writer.write(employees)
        writer.write(billingCountry)
        writer.write(territory)
        writer.write(convertedFromLeadId)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("annualRevenue", annualRevenue)
        object.memberIfPresent("billingCountry", billingCountry)
        object.memberIfPresent("convertedFromLeadId", convertedFromLeadId)
        object.memberIfPresent("employees", employees)
        object.memberIfPresent("industry", industry)
        object.member("name", name)
        object.member("ownerId", ownerId)
        object.memberIfPresent("parentAccountId", parentAccountId)
        object.memberIfPresent("territory", territory)
        object.memberIfPresent("type", type)
        object.memberIfPresent("website", website)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            name: try reader.read(),
            type: try reader.read(),
            industry: try reader.read(),
            ownerId: try reader.read(),
            parentAccountId: try reader.read(),
            website: try reader.read(),
            annualRevenue: try reader.read(),
            employees: try reader.read(),
            billingCountry: try reader.read(),
            territory: try reader.read(),
            convertedFromLeadId: try reader.read()
        )
    }
}

/// Some of an account's fields changed: only those are present, each with its new value (an empty text
/// clears the field).
public struct AccountUpdated: EventPayload {
    public static let eventType = "AccountUpdated"

    /// The new name.
    public var name: Optional<String>
    /// The new type.
    public var type: Optional<String>
    /// The new industry.
    public var industry: Optional<String>
    /// The new web site.
    public var website: Optional<String>
    /// The new yearly revenue.
    public var annualRevenue: Optional<Money>
    /// The new number of employees.
    public var employees: Optional<Int>
    /// The new billing country.
    public var billingCountry: Optional<String>
    /// The new sales territory.
    public var territory: Optional<String>
    /// The new parent account (after a merge: the survivor, for the merged account's children).
    public var parentAccountId: Optional<RecordId>
    /// `true` when the account was detached from its parent.
    public var parentRemoved: Optional<Bool>

    /// Creates the event.
    public init(
        name: String? = nil,
        type: String? = nil,
        industry: String? = nil,
        website: String? = nil,
        annualRevenue: Money? = nil,
        employees: Int? = nil,
        billingCountry: String? = nil,
        territory: String? = nil,
        parentAccountId: RecordId? = nil,
        parentRemoved: Bool? = nil
    ) {
        self.name = name
        self.type = type
        self.industry = industry
        self.website = website
        self.annualRevenue = annualRevenue
        self.employees = employees
        self.billingCountry = billingCountry
        self.territory = territory
        self.parentAccountId = parentAccountId
        self.parentRemoved = parentRemoved
    }

    public func encode(to writer: inout ByteWriter) {
        writer.write(name)
        writer.write(type)
        writer.write(industry)
        writer.write(website)
        writer.write(annualRevenue)
        writer.write(employees)
        writer.write(billingCountry)
        writer.write(territory)
        writer.write(parentAccountId)
        writer.write(parentRemoved)
    }

    public func appendJSON(to object: inout JSONObjectWriter) {
        object.memberIfPresent("annualRevenue", annualRevenue)
        object.memberIfPresent("billingCountry", billingCountry)
        object.memberIfPresent("employees", employees)
        object.memberIfPresent("industry", industry)
        object.memberIfPresent("name", name)
        object.memberIfPresent("parentAccountId", parentAccountId)
        object.memberIfPresent("parentRemoved", parentRemoved)
        object.memberIfPresent("territory", territory)
        object.memberIfPresent("type", type)
        object.memberIfPresent("website", website)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(
            name: try reader.read(),
            type: try reader.read(),
            industry: try reader.read(),
            website: try reader.read(),
            annualRevenue: try reader.read(),
            employees: try reader.read(),
            billingCountry: try reader.read(),
            territory: try reader.read(),
            parentAccountId: try reader.read(),
            parentRemoved: try reader.read()
        )
    }
}
