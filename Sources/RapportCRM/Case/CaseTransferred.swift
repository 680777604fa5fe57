/// The case moved to another account (see ``AccountTransfer``).
public struct CaseTransferred: AccountTransferEvent {
    public static let eventType = "CaseTransferred"

    /// The old and new account.
    public var transfer: AccountTransfer

    /// Creates the event.
    ///
    /// - Parameter transfer: The old and new account.
    public init(_ transfer: AccountTransfer) {
        self.transfer = transfer
    }
}
