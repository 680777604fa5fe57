public import RapportCRM

extension ReadModels: BinaryField {
    /// Writes each read model as its name, version and length-prefixed binary form, in catalog order.
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(Self.catalog.count))
        Self.writeSection(pipeline, to: &writer)
        Self.writeSection(backlog, to: &writer)
        Self.writeSection(accounts, to: &writer)
        Self.writeSection(funnel, to: &writer)
    }

    /// Reads read models written by ``write(to:)``.
    ///
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged, or hold another set of read models or another
    ///   version of one: such bytes are never folded on from.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> ReadModels {
        try read(from: &reader, only: .all)
    }

    /// Reads the selected read models written by ``write(to:)``; the others are passed over unread and left
    /// empty, so that a question about one model does not pay for decoding the large account 360 view.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - selection: The read models to read.
    /// - Returns: The read models, the unselected ones empty.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged, or hold another set of read models or another
    ///   version of one.
    public static func read(
        from reader: inout ByteReader,
        only selection: Selection
    ) throws(BinaryFormatError) -> ReadModels {
        let count = try reader.readVarint()
        guard count == UInt64(catalog.count) else {
            throw BinaryFormatError("\(count) read models stored, \(catalog.count) expected")
        }
        var models = ReadModels()
        if let pipeline: PipelineModel = try readSection(from: &reader, if: selection.pipeline) {
            models.pipeline = pipeline
        }
        if let backlog: BacklogModel = try readSection(from: &reader, if: selection.backlog) {
            models.backlog = backlog
        }
        if let accounts: AccountsModel = try readSection(
            from: &reader,
            if: selection.accounts,
            {
                (section: inout ByteReader) throws(BinaryFormatError) in
                guard let focus = selection.accountFocus else { return try AccountsModel.read(from: &section) }
                return try AccountsModel.read(from: &section, focusedOn: focus)
            }
        ) {
            models.accounts = accounts
        }
        if let funnel: FunnelModel = try readSection(from: &reader, if: selection.funnel) {
            models.funnel = funnel
        }
        return models
    }

    private static func writeSection<Model: ReadModel>(_ model: Model, to writer: inout ByteWriter) {
        var section = ByteWriter(capacity: 1 << 16)
        model.write(to: &section)
        writer.writeString(Model.name)
        writer.writeVarint(UInt64(Model.version))
        writer.writeBytes(section.bytes)
    }

    private static func readSection<Model: ReadModel>(
        from reader: inout ByteReader,
        if selected: Bool,
        _ read: (inout ByteReader) throws(BinaryFormatError) -> Model = {
            (section: inout ByteReader)
                throws(BinaryFormatError) in try Model.read(from: &section)
        }
    ) throws(BinaryFormatError) -> Model? {
        let name = try reader.readString()
        let version = try reader.readVarint()
        guard name == Model.name, version == UInt64(Model.version) else {
            throw BinaryFormatError(
                "read model \(name) version \(version) stored where \(Model.name) version \(Model.version) is expected"
            )
        }
        return try reader.withBytes { (section: inout ByteReader) throws(BinaryFormatError) -> Model? in
            guard selected else { return nil }
            let model = try read(&section)
            guard section.isAtEnd else {
                throw BinaryFormatError("read model \(name) has \(section.remainingCount) bytes after its end")
            }
            return model
        }
    }
}
