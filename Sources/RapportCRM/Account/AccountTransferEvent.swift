/// An event whose whole data is an ``AccountTransfer``: a record of one kind moved to another account.
///
/// Its JSON form is the transfer's fields (`fromAccountId`, `toAccountId`, `viaMerge`) and its binary form the
/// transfer's, so each kind's transfer event only names itself.
public protocol AccountTransferEvent: EventPayload {
    /// The old and new account.
    var transfer: AccountTransfer { get }

    /// Creates the event.
    ///
    /// - Parameter transfer: The old and new account.
    init(_ transfer: AccountTransfer)
}

extension AccountTransferEvent {
    /// Reads the transfer's fields.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: What reading an ``AccountTransfer`` throws.
    public init(from decoder: any Decoder) throws {
        self.init(try AccountTransfer(from: decoder))
    }

    /// Writes the transfer's fields.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try transfer.encode(to: encoder)
    }

    /// Appends the transfer's binary form.
    ///
    /// - Parameter writer: The writer.
    public func encode(to writer: inout ByteWriter) {
        transfer.write(to: &writer)
    }

    /// Writes the transfer's fields.
    ///
    /// - Parameter object: The writer of the payload's JSON object.
    public func appendJSON(to object: inout JSONObjectWriter) {
        object.member("fromAccountId", transfer.fromAccountId)
        object.member("toAccountId", transfer.toAccountId)
        object.member("viaMerge", transfer.viaMerge)
    }

    /// Reads the transfer's binary form.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - schemaVersion: The version the event was written with.
    /// - Throws: ``BinaryFormatError`` when the bytes do not hold a transfer or the version is unknown.
    public init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) {
        try Self.checkSchemaVersion(schemaVersion)
        self.init(try reader.read())
    }
}
