extension DomainError.Code {
    /// The case named does not exist.
    public static let caseNotFound = Self("case_not_found")
    /// A case with the id already exists.
    public static let caseExists = Self("case_exists")
    /// The case is closed and takes nothing but a reopen.
    public static let caseClosed = Self("case_closed")
    /// The case is resolved and takes only responses, a close or a reopen.
    public static let caseResolved = Self("case_resolved")
    /// The case is not resolved: it cannot be reopened, nor closed without a reason.
    public static let caseNotResolved = Self("case_not_resolved")
    /// The case is on hold: resume it before escalating, resolving or closing it.
    public static let caseOnHold = Self("case_on_hold")
    /// The case is not on hold, so it cannot resume.
    public static let caseNotOnHold = Self("case_not_on_hold")
    /// The resume's time is before the hold began, which would make the hold's duration negative.
    public static let caseResumedBeforeHold = Self("case_resumed_before_hold")
}
