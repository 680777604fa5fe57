/// A record moved from one account to another, e.g. when the account it belonged to was merged into a survivor.
///
/// Opportunities, cases and activities each record their own move with an event of this shape
/// (``OpportunityTransferred``, ``CaseTransferred``, ``ActivityTransferred``), so each record's history shows it.
public struct AccountTransfer: Codable, Sendable, Hashable, BinaryField {
    /// The account the record belonged to.
    public var fromAccountId: RecordId
    /// The account it belongs to now.
    public var toAccountId: RecordId
    /// Whether an account merge moved it (rather than a user moving it).
    public var viaMerge: Bool

    /// Creates a transfer.
    ///
    /// - Parameters:
    ///   - fromAccountId: The old account.
    ///   - toAccountId: The new account.
    ///   - viaMerge: Whether a merge moved it.
    public init(fromAccountId: RecordId, toAccountId: RecordId, viaMerge: Bool) {
        self.fromAccountId = fromAccountId
        self.toAccountId = toAccountId
        self.viaMerge = viaMerge
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(fromAccountId)
        writer.write(toAccountId)
        writer.write(viaMerge)
    }

    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> AccountTransfer {
        AccountTransfer(fromAccountId: try reader.read(), toAccountId: try reader.read(), viaMerge: try reader.read())
    }
}
