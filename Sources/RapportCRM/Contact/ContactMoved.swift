/// The contact moved to another account, by a user or by a merge of its account (see ``AccountTransfer``).
public struct ContactMoved: AccountTransferEvent {
    public static let eventType = "ContactMoved"

    /// The old and new account.
    public var transfer: AccountTransfer

    /// Creates the event.
    ///
    /// - Parameter transfer: The old and new account.
    public init(_ transfer: AccountTransfer) {
        self.transfer = transfer
    }
}
