/// The command fields a file's rows can fill, per kind of record, with the kind of value each takes.
struct ImportField: Sendable {
    /// The kind of value a field takes.
    enum Kind: Sendable {
        case text, id, money, integer, date, time
    }

    /// The field's name in the mapping.
    var name: String
    /// The kind of value.
    var kind: Kind
    /// Whether every mapping of the record must give it.
    var required: Bool

    private init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
    }

    /// The fields of each kind of record.
    ///
    /// - Parameter record: The kind of record.
    /// - Returns: Its fields.
    static func fields(of record: FileMapping.Record) -> [ImportField] {
        switch record {
        case .account:
            [
                ImportField("name", .text, required: true), ImportField("ownerId", .id, required: true),
                ImportField("industry", .text), ImportField("type", .text), ImportField("website", .text),
                ImportField("billingCountry", .text), ImportField("territory", .text),
                ImportField("annualRevenue", .money), ImportField("employees", .integer),
                ImportField("openedAt", .time),
            ]
        case .opportunity:
            [
                ImportField("name", .text, required: true), ImportField("ownerId", .id, required: true),
                ImportField("stage", .text, required: true), ImportField("closeDate", .date, required: true),
                ImportField("amount", .money), ImportField("openedAt", .time), ImportField("closedAt", .time),
                ImportField("openingStage", .text), ImportField("lossReason", .text),
            ]
        case .caseUpdate:
            [
                ImportField("sequence", .integer, required: true), ImportField("updatedAt", .time, required: true),
                ImportField("openedAt", .time, required: true), ImportField("status", .text, required: true),
                ImportField("priority", .text, required: true), ImportField("subject", .text, required: true),
                ImportField("holdReason", .text), ImportField("ownerId", .id), ImportField("resolution", .text),
                ImportField("reopenReason", .text), ImportField("escalationReason", .text),
            ]
        case .reference, .event:
            []
        }
    }
}
