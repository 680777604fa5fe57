extension LeadState: BinaryField {
    /// Writes every field in declaration order.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        version.write(to: &writer)
        company.write(to: &writer)
        firstName.write(to: &writer)
        lastName.write(to: &writer)
        email.write(to: &writer)
        phone.write(to: &writer)
        title.write(to: &writer)
        campaignId.write(to: &writer)
        status.write(to: &writer)
        disqualified.write(to: &writer)
        conversion.write(to: &writer)
        forgotten.write(to: &writer)
    }

    /// Reads a lead's state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or do not hold a lead's fields.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> LeadState {
        LeadState(
            version: try reader.read(),
            company: try reader.read(),
            firstName: try reader.read(),
            lastName: try reader.read(),
            email: try reader.read(),
            phone: try reader.read(),
            title: try reader.read(),
            campaignId: try reader.read(),
            status: try reader.read(),
            disqualified: try reader.read(),
            conversion: try reader.read(),
            forgotten: try reader.read()
        )
    }
}

extension LeadState.Conversion: BinaryField {
    /// Writes the account, the contact and the opportunity, if any, the conversion opened.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        accountId.write(to: &writer)
        contactId.write(to: &writer)
        opportunityId.write(to: &writer)
    }

    /// Reads a conversion written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The conversion.
    /// - Throws: ``BinaryFormatError`` when the bytes end early.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> LeadState.Conversion {
        LeadState.Conversion(
            accountId: try reader.read(),
            contactId: try reader.read(),
            opportunityId: try reader.read()
        )
    }
}
