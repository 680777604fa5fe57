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
        for (accountId, account) in model.accounts {
            for entry in account.activities.entries where entry.isOpenTask {
                guard model.openTasks.updateValue(accountId, forKey: entry.id) == nil else {
                    throw BinaryFormatError("task \(entry.id) is on two timelines")
                }
            }
        }
        return model
    }
}
