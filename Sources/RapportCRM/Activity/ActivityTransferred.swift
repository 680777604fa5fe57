/// The activity or task moved to another account (see AccountTransfer).
public struct ActivityTransferred: EventPayload {
    public static let eventType = "ActivityTransferred"

    /// The old and new account.
    public var transfer: AccountTransfer

    /// Creates the event.
    ///
    /// - Parameter transfer: The old and new account.
    public init(_ transfer: AccountTransfer) {
        self.transfer = transfer
    }

    public init(from decoder: any Decoder) throws {
        transfer = try AccountTransfer(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try transfer.encode(to: encoder)
    }

    public func encode(to writer: inout ByteWriter) {
        transfer.write(to: &writer)
    }

    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        transfer = try reader.read()
    }
}
