extension LeadState: BinaryField {
    /// Writes every field in declaration order.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        writer.write(version, company, firstName, lastName, email, phone, title, campaignId)
        writer.write(status, disqualified, conversion)
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
            conversion: try reader.read()
        )
    }
}

extension LeadState.Conversion: BinaryField {
    /// Writes the account, the contact and the opportunity, if any, the conversion opened.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        writer.write(accountId, contactId, opportunityId)
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
