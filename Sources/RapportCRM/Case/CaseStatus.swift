/// Where a support case stands in its lifecycle.
///
/// A case opens `New`, becomes `Working` with its first response and `Escalated` once escalated; `On Hold` stops
/// the service clock until it resumes; `Resolved` cases still take responses and can be closed or reopened;
/// `Closed` cases take nothing but a reopen.
public enum CaseStatus: String, NamedChoice, BinaryNamedValue {
    case new = "New"
    case working = "Working"
    case escalated = "Escalated"
    case onHold = "On Hold"
    case resolved = "Resolved"
    case closed = "Closed"

    /// Reads a status's name, refusing any other with the list of allowed ones.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: ``DomainError`` `invalid_field`.
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeChoice(from: decoder)
    }
}
