public import RapportCRM

extension AccountsModel {
    /// Writes the view: the text pool first, then every record, whose texts are numbers in that pool.
    ///
    /// - Parameter writer: The writer.
    public func write(to writer: inout ByteWriter) {
        texts.write(to: &writer)
        campaigns.write(to: &writer)
        accounts.writeFields(to: &writer)
        contacts.writeFields(to: &writer)
        opportunities.writeFields(to: &writer)
        cases.writeFields(to: &writer)
    }

    /// Reads a view written by ``write(to:)``; the index of open tasks is rebuilt from the timelines.
    ///
    /// - Parameter reader: The reader.
    /// - Returns: The view.
    /// - Throws: ``BinaryFormatError`` when the bytes are damaged: cut short, a text number the pool does not
    ///   hold, a record stored twice, a timeline too long or out of order.
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> AccountsModel {
        var model = AccountsModel()
        model.texts = try AccountTexts.read(from: &reader)
        model.campaigns = try reader.read()
        model.accounts = try .readFields(from: &reader, texts: model.texts)
        model.contacts = try .readFields(from: &reader, texts: model.texts)
        model.opportunities = try .readFields(from: &reader, texts: model.texts)
        model.cases = try .readFields(from: &reader, texts: model.texts)
        try model.indexOpenTasks()
        return model
    }

    /// Reads the part of a view written by ``write(to:)`` that ``focused(on:)`` keeps: what some accounts' reports
    /// read. Of the other accounts only the leading fields are decoded, and the other records are passed over
    /// undecoded, which is most of the time and memory a whole view takes.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - ids: The accounts.
    /// - Returns: The focused view, equal to `read(from:)` then `focused(on: ids)`.
    /// - Throws: ``BinaryFormatError`` as ``read(from:)`` does, for the parts decoded.
    public static func read(from reader: inout ByteReader, focusedOn ids: Set<RecordId>) throws(BinaryFormatError)
        -> AccountsModel
    {
        var model = AccountsModel()
        model.texts = try AccountTexts.read(from: &reader)
        model.campaigns = try reader.read()
        let texts = model.texts
        model.accounts = try .readFields(from: &reader, reservingRoom: true) {
            (accountId, bytes: inout ByteReader) throws(BinaryFormatError) in
            guard ids.contains(accountId) else { return try AccountRecord.readProfile(from: &bytes, texts: texts) }
            return try [RecordId: AccountRecord].readWhole(accountId, from: &bytes, texts: texts)
        }
        var records = Set<RecordId>()
        for account in ids.compactMap({ model.accounts[$0] }) {
            records.formUnion(account.contactIds + account.opportunityIds + account.caseIds)
        }
        model.contacts = try .readFields(from: &reader, texts: texts, keeping: records.contains)
        model.opportunities = try .readFields(from: &reader, texts: texts, keeping: records.contains)
        model.cases = try .readFields(from: &reader, texts: texts, keeping: records.contains)
        try model.indexOpenTasks()
        return model
    }

    /// Rebuilds the index of open tasks from the timelines.
    private mutating func indexOpenTasks() throws(BinaryFormatError) {
        for (accountId, account) in accounts {
            for entry in account.activities.entries where entry.isOpenTask {
                guard openTasks.updateValue(accountId, forKey: entry.id) == nil else {
                    throw BinaryFormatError("task \(entry.id) is on two timelines")
                }
            }
        }
    }
}
