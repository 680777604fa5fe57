extension DomainError.Code {
    /// The contact named does not exist.
    public static let contactNotFound = Self("contact_not_found")
    /// A contact with the id already exists.
    public static let contactExists = Self("contact_exists")
    /// Another contact of the account already has the email address (compared without regard to letter case).
    public static let duplicateContactEmail = Self("duplicate_contact_email")
    /// The contact named belongs to another account than the one the command is about (a case's account, the
    /// account a lead converts into).
    public static let contactNotInAccount = Self("contact_not_in_account")
    /// The contact was forgotten: its personal data is erased and it takes no more updates.
    public static let contactForgotten = Self("contact_forgotten")
}
