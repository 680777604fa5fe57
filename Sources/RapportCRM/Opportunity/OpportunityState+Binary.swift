import RapportTime

extension OpportunityState: BinaryField {
    /// Writes every field in declaration order, the line items' totals included.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        version.write(to: &writer)
        accountId.write(to: &writer)
        stage.write(to: &writer)
        isClosed.write(to: &writer)
        amount.write(to: &writer)
        lineItems.write(to: &writer)
        closeDate.write(to: &writer)
    }

    /// Reads an opportunity's state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or do not hold an opportunity's fields.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> OpportunityState {
        OpportunityState(
            version: try reader.read(),
            accountId: try reader.read(),
            stage: try reader.read(),
            isClosed: try reader.read(),
            amount: try reader.read(),
            lineItems: try reader.read(),
            closeDate: try reader.read()
        )
    }

    /// A state read back from a snapshot, field by field.
    private init(
        version: UInt64,
        accountId: RecordId,
        stage: String,
        isClosed: Bool,
        amount: Money,
        lineItems: [RecordId: Money],
        closeDate: CalendarDate
    ) {
        self.version = version
        self.accountId = accountId
        self.stage = stage
        self.isClosed = isClosed
        self.amount = amount
        self.lineItems = lineItems
        self.closeDate = closeDate
    }
}
