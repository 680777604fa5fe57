/// Captures a lead: a person at a company who may become a customer.
public struct CaptureLead: CommandPayload {
    public static let commandType = "CaptureLead"

    /// The new lead's id.
    public var leadId: RecordId
    /// The company the person works for (required).
    public var company: String
    /// The given name.
    public var firstName: Optional<String>
    /// The family name (required).
    public var lastName: String
    /// The email address.
    public var email: Optional<String>
    /// The phone number.
    public var phone: Optional<String>
    /// The job title.
    public var title: Optional<String>
    /// Where the lead came from, e.g. `Web`.
    public var source: Optional<String>
    /// The campaign that brought the lead in, which must exist.
    public var campaignId: Optional<RecordId>
    /// The lead status to start in; the configuration's first status that is not converted when left out.
    public var status: Optional<String>

    /// Creates the command.
    public init(
        leadId: RecordId,
        company: String,
        firstName: String? = nil,
        lastName: String,
        email: String? = nil,
        phone: String? = nil,
        title: String? = nil,
        source: String? = nil,
        campaignId: RecordId? = nil,
        status: String? = nil
    ) {
        self.leadId = leadId
        self.company = company
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.title = title
        self.source = source
        self.campaignId = campaignId
        self.status = status
    }

    public var target: StreamName { StreamName(.lead, leadId) }
    public var command: CRMCommand { .lead(.capture(self)) }
}

/// Moves a lead to another status of the configuration (not a converted one: only ``ConvertLead`` sets those).
public struct ChangeLeadStatus: CommandPayload {
    public static let commandType = "ChangeLeadStatus"

    /// The lead.
    public var leadId: RecordId
    /// The new status's name.
    public var status: String

    /// Creates the command.
    public init(leadId: RecordId, status: String) {
        self.leadId = leadId
        self.status = status
    }

    public var target: StreamName { StreamName(.lead, leadId) }
    public var command: CRMCommand { .lead(.changeStatus(self)) }
}

/// Disqualifies a lead: it will not be pursued, and takes no further changes.
public struct DisqualifyLead: CommandPayload {
    public static let commandType = "DisqualifyLead"

    /// The lead.
    public var leadId: RecordId
    /// Why it is not pursued (required).
    public var reason: String

    /// Creates the command.
    public init(leadId: RecordId, reason: String) {
        self.leadId = leadId
        self.reason = reason
    }

    public var target: StreamName { StreamName(.lead, leadId) }
    public var command: CRMCommand { .lead(.disqualify(self)) }
}
