extension AccountState: BinaryField {
    /// Writes every field, the links to other records included, in declaration order.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        version.write(to: &writer)
        name.write(to: &writer)
        ownerId.write(to: &writer)
        parentAccountId.write(to: &writer)
        status.write(to: &writer)
        type.write(to: &writer)
        industry.write(to: &writer)
        website.write(to: &writer)
        annualRevenue.write(to: &writer)
        employees.write(to: &writer)
        billingCountry.write(to: &writer)
        territory.write(to: &writer)
        children.write(to: &writer)
        contacts.write(to: &writer)
        contactEmails.write(to: &writer)
        sharedContactEmails.write(to: &writer)
        opportunities.write(to: &writer)
        cases.write(to: &writer)
        activities.write(to: &writer)
    }

    /// Reads an account's state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes end early or hold an unknown status.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> AccountState {
        AccountState(
            version: try reader.read(),
            name: try reader.read(),
            ownerId: try reader.read(),
            parentAccountId: try reader.read(),
            status: try reader.read(),
            type: try reader.read(),
            industry: try reader.read(),
            website: try reader.read(),
            annualRevenue: try reader.read(),
            employees: try reader.read(),
            billingCountry: try reader.read(),
            territory: try reader.read(),
            children: try reader.read(),
            contacts: try reader.read(),
            contactEmails: try reader.read(),
            sharedContactEmails: try reader.read(),
            opportunities: try reader.read(),
            cases: try reader.read(),
            activities: try reader.read()
        )
    }
}

extension AccountState.Status: BinaryField {
    /// Writes a tag byte (0 active, 1 inactive, 2 merged), then the survivor's id for a merged account.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        switch self {
        case .active: writer.writeByte(0)
        case .inactive: writer.writeByte(1)
        case .merged(let survivor):
            writer.writeByte(2)
            survivor.write(to: &writer)
        }
    }

    /// Reads a status written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The status.
    /// - Throws: ``BinaryFormatError`` when the tag is unknown or the bytes end early.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> AccountState.Status {
        switch try reader.readByte() {
        case 0: .active
        case 1: .inactive
        case 2: .merged(into: try reader.read())
        case let tag:
            throw BinaryFormatError("account status tag \(tag) at byte \(reader.offset - 1) is not 0, 1 or 2")
        }
    }
}
