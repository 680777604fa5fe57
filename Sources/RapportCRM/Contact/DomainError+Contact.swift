extension DomainError.Code {
    /// The contact named does not exist.
    public static let contactNotFound = Self("contact_not_found")
    /// A contact with the id already exists.
    public static let contactExists = Self("contact_exists")
    /// Another contact of the account already has the email address (compared without regard to letter case).
    public static let duplicateContactEmail = Self("duplicate_contact_email")
}
