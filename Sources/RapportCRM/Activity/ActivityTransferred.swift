/// The activity or task moved to another account (see ``AccountTransfer``).
public struct ActivityTransferred: AccountTransferEvent {
    public static let eventType = "ActivityTransferred"

    /// The old and new account.
    public var transfer: AccountTransfer

    /// Creates the event.
    ///
    /// - Parameter transfer: The old and new account.
    public init(_ transfer: AccountTransfer) {
        self.transfer = transfer
    }
}
