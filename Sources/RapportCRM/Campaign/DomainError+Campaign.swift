extension DomainError.Code {
    /// The campaign named does not exist.
    public static let campaignNotFound = Self("campaign_not_found")
    /// A campaign with the id already exists.
    public static let campaignExists = Self("campaign_exists")
    /// The campaign was completed and takes no changes.
    public static let campaignCompleted = Self("campaign_completed")
    /// The lead or contact is a member of the campaign already.
    public static let memberExists = Self("member_exists")
    /// The lead or contact is not a member of the campaign.
    public static let memberNotFound = Self("member_not_found")
}
