/// The opportunity moved to another account (see ``AccountTransfer``).
public struct OpportunityTransferred: AccountTransferEvent {
    public static let eventType = "OpportunityTransferred"

    /// The old and new account.
    public var transfer: AccountTransfer

    /// Creates the event.
    ///
    /// - Parameter transfer: The old and new account.
    public init(_ transfer: AccountTransfer) {
        self.transfer = transfer
    }
}
