extension DecisionState: BinaryField {
    /// The number of the binary form below and of every record state's; a snapshot holding another is refused,
    /// and the state is rebuilt from the log instead. Raise it whenever any state's fields or their order change.
    public static let binaryFormatVersion: UInt64 = 2

    /// Writes the form's number, then each kind's records by id, in ``RecordKind`` order.
    ///
    /// The states write field by field rather than through ``ByteWriter/write(_:)``: its parameter pack is not
    /// specialised, and over millions of records the generic calls and copies cost more than the bytes.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(Self.binaryFormatVersion)
        accounts.write(to: &writer)
        contacts.write(to: &writer)
        leads.write(to: &writer)
        opportunities.write(to: &writer)
        cases.write(to: &writer)
        activities.write(to: &writer)
        campaigns.write(to: &writer)
    }

    /// Reads a decision state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes hold another form of the state, end early or are damaged.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> DecisionState {
        let version = try reader.readVarint()
        guard version == binaryFormatVersion else {
            throw BinaryFormatError("decision state form \(version) stored, form \(binaryFormatVersion) expected")
        }
        var state = DecisionState()
        state.accounts = try reader.read()
        state.contacts = try reader.read()
        state.leads = try reader.read()
        state.opportunities = try reader.read()
        state.cases = try reader.read()
        state.activities = try reader.read()
        state.campaigns = try reader.read()
        return state
    }
}
