extension ContactState: BinaryField {
    /// Writes every field in declaration order.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        version.write(to: &writer)
        accountId.write(to: &writer)
        email.write(to: &writer)
        firstName.write(to: &writer)
        lastName.write(to: &writer)
        phone.write(to: &writer)
        title.write(to: &writer)
        forgotten.write(to: &writer)
    }

    /// Reads a contact's state written by ``write(to:)``.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The state.
    /// - Throws: ``BinaryFormatError`` when the bytes end early.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> ContactState {
        ContactState(
            version: try reader.read(),
            accountId: try reader.read(),
            email: try reader.read(),
            firstName: try reader.read(),
            lastName: try reader.read(),
            phone: try reader.read(),
            title: try reader.read(),
            forgotten: try reader.read()
        )
    }
}
