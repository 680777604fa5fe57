extension DomainError.Code {
    /// The lead named does not exist.
    public static let leadNotFound = Self("lead_not_found")
    /// A lead with the id already exists.
    public static let leadExists = Self("lead_exists")
    /// The lead was converted and takes no changes.
    public static let leadConverted = Self("lead_converted")
    /// The lead was disqualified and takes no changes.
    public static let leadDisqualified = Self("lead_disqualified")
    /// The lead status is not one of the configuration's.
    public static let invalidLeadStatus = Self("invalid_lead_status")
    /// The lead status counts as converted, and only a conversion sets it.
    public static let leadStatusReserved = Self("lead_status_reserved")
    /// The lead was forgotten: its personal data is erased and it takes no more changes.
    public static let leadForgotten = Self("lead_forgotten")
}
