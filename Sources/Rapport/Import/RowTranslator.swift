import RapportCRM
import RapportTime

/// Turns the rows of one file into commands, against the state the earlier rows leave (the import's shadow of
/// the decision state), by the file's mapping.
struct RowTranslator: Sendable {
    /// The whole mapping.
    let mapping: ImportMapping
    /// The file's mapping.
    let file: FileMapping
    /// The header's column indexes by name.
    let columns: [String: Int]
    /// The import run's id, recorded in every event's provenance.
    let batchId: String
    /// The configuration commands are decided with (stage names).
    let configuration: CRMConfiguration
    /// Account ids by account name, per account file, for parents found by name.
    let accountNames: [String: [String: RecordId]]
    /// The keys of each reference file.
    let referenceKeys: [String: Set<String>]
    /// The column naming a row's parent, as a rule reading it by its index in the header.
    private let parentColumn: ValueRule?

    /// A translator of one file's rows.
    ///
    /// - Parameters:
    ///   - mapping: The whole mapping.
    ///   - file: The file's mapping, its rules knowing their columns' indexes.
    ///   - columns: The header's column indexes by name.
    ///   - batchId: The import run's id.
    ///   - configuration: The configuration commands are decided with.
    ///   - accountNames: Account ids by account name, per account file.
    ///   - referenceKeys: The keys of each reference file.
    init(
        mapping: ImportMapping,
        file: FileMapping,
        columns: [String: Int],
        batchId: String,
        configuration: CRMConfiguration,
        accountNames: [String: [String: RecordId]],
        referenceKeys: [String: Set<String>]
    ) {
        self.mapping = mapping
        self.file = file
        self.columns = columns
        self.batchId = batchId
        self.configuration = configuration
        self.accountNames = accountNames
        self.referenceKeys = referenceKeys
        self.parentColumn = file.parent?.column.map { ValueRule(column: $0).reading(header: columns) }
    }

    /// The values of a row.
    func values(_ row: CSVTable.Row) -> RowValues {
        RowValues(columns: columns, fields: row.fields)
    }

    /// The rule of a field the mapping gives, or nil.
    func rule(_ field: String) -> ValueRule? { file.fields[field] }

    /// The row's external id: the text of its external id column through the id rule.
    ///
    /// - Throws: ``ImportProblem`` `missing_value` or `invalid_id`.
    func externalId(_ values: RowValues) throws(ImportProblem) -> (text: String, id: RecordId) {
        let text = try values.requiredText(file.externalId, field: "externalId")
        let id = try RowValues.recordId(
            text,
            transform: file.externalId.transform,
            source: values.describe(file.externalId),
            field: "externalId"
        )
        return (text, id)
    }

    /// Reads a row's values and its external id, which goes into its plan, and checks the fields that must be keys
    /// of a reference file: what every kind of row starts with.
    ///
    /// - Parameters:
    ///   - row: The row.
    ///   - plan: The row's plan.
    /// - Returns: The row's values and its external id as text and as a record id.
    /// - Throws: ``ImportProblem`` `missing_value`, `invalid_id` or `reference_not_found`.
    func identify(_ row: CSVTable.Row, in plan: inout RowPlan) throws(ImportProblem) -> (RowValues, String, RecordId) {
        let values = values(row)
        let (key, id) = try externalId(values)
        plan.externalId = key
        plan.recordId = id
        try checkReferences(values)
        return (values, key, id)
    }

    /// Checks the row's fields that must be keys of a reference file.
    ///
    /// - Throws: ``ImportProblem`` `reference_not_found` naming the field, the value and the file.
    func checkReferences(_ values: RowValues) throws(ImportProblem) {
        for reference in file.references {
            guard let rule = rule(reference.field), let text = values.text(rule) else { continue }
            guard referenceKeys[reference.file]?.contains(text) == true else {
                throw ImportProblem(
                    "reference_not_found",
                    field: rule.column,
                    "\(values.describe(rule)) \"\(text)\" (for \(reference.field)) is not in \(reference.file)"
                )
            }
        }
    }

    /// The row's parent account, found by the mapping's rule, which must exist in `state`.
    ///
    /// - Returns: The parent's id, or nil when the row has none and needs none.
    /// - Throws: ``ImportProblem`` `parent_missing` (required and blank), `invalid_id` or `parent_not_found`.
    func parent(_ values: RowValues, in state: DecisionState) throws(ImportProblem) -> RecordId? {
        try parent(try parentReference(values), in: state)
    }

    /// The account a row names as its parent, read by the mapping's rule without the decision state; whether it
    /// exists is checked by ``parent(_:in:)``.
    ///
    /// - Returns: The reference, or nil when the row names none and needs none.
    /// - Throws: ``ImportProblem`` `parent_missing` (required and blank) or `invalid_id`.
    func parentReference(_ values: RowValues) throws(ImportProblem) -> ParentReference? {
        guard let rule = file.parent else { return nil }
        if let account = rule.account { return ParentReference(id: account, naming: nil) }
        guard let column = rule.column, let source = parentColumn else { return nil }
        guard let text = values.text(source) else {
            guard rule.required else { return nil }
            throw ImportProblem(
                "parent_missing",
                field: column,
                "column \(column) is empty: a \(file.record.rawValue) row needs its account, and none is guessed"
            )
        }
        switch rule.by {
        case .name:
            return ParentReference(id: accountNames[rule.file ?? file.file]?[text], naming: (column, text))
        case .externalId:
            let id = try RowValues.recordId(
                text,
                transform: rule.transform,
                source: "column \(column)",
                field: "parent"
            )
            return ParentReference(id: id, naming: (column, text))
        }
    }

    /// The parent account a reference names, which must exist in `state` unless the mapping declares it.
    ///
    /// - Returns: The parent's id, or nil for no reference.
    /// - Throws: ``ImportProblem`` `parent_not_found`.
    func parent(_ reference: ParentReference?, in state: DecisionState) throws(ImportProblem) -> RecordId? {
        guard let reference else { return nil }
        guard let naming = reference.naming else { return reference.id }
        guard let id = reference.id, state.accounts[id] != nil else {
            let place =
                file.parent?.by == .name
                ? "among the loaded accounts of \(file.parent?.file ?? file.file)" : "in the log"
            throw ImportProblem(
                "parent_not_found",
                field: naming.column,
                "column \(naming.column) names the account \"\(naming.text)\", which is not \(place)"
            )
        }
        return id
    }

    /// A row's commands in their envelopes: the mapping's actor, a command id derived from the mapping, the
    /// file, the row's external id and content, and each command's place in the row, and the row's provenance.
    ///
    /// - Parameters:
    ///   - steps: The commands in order, each with its business time (nil for the time of the append).
    ///   - row: The row.
    ///   - key: The row's external id.
    /// - Returns: The envelopes, in order.
    func envelopes(_ steps: [(CRMCommand, Timestamp?)], row: CSVTable.Row, key: String) -> [CommandEnvelope] {
        envelopes(steps, row: row, commandIdPrefix: commandIdPrefix(row: row, key: key))
    }

    /// What a row's command ids start with: the mapping's name and a hash of the mapping, the file, the row's
    /// external id and its content, so that a changed row gets new ids and the same row always the same.
    func commandIdPrefix(row: CSVTable.Row, key: String) -> String {
        var hash = ContentHash()
        hash.add(mapping.name)
        hash.add(file.file)
        hash.add(key)
        for field in row.fields { hash.add(field) }
        return "import:\(mapping.name):\(hash.hex):"
    }

    /// A row's commands in their envelopes, given the row's ``commandIdPrefix(row:key:)``.
    func envelopes(
        _ steps: [(CRMCommand, Timestamp?)],
        row: CSVTable.Row,
        commandIdPrefix prefix: String
    ) -> [CommandEnvelope] {
        let provenance = ImportProvenance(batchId: batchId, file: file.file, row: row.number)
        return steps.enumerated().map { index, step in
            CommandEnvelope(
                step.0,
                actor: mapping.actor,
                commandId: prefix + "\(index):\(step.0.commandType)",
                occurredAt: step.1,
                provenance: provenance
            )
        }
    }
}

/// The account a row names as its parent, before it is checked against the decision state.
struct ParentReference: Sendable {
    /// The account's id; nil when the name matches no loaded account.
    var id: RecordId?
    /// The column and the text that name the account, for a refusal; nil for the mapping's declared account.
    var naming: (column: String, text: String)?
}

/// A 64-bit FNV-1a hash of texts, each followed by a separator byte: a stable, fast digest for command ids (a
/// changed row gets new ids; the same row always the same).
struct ContentHash {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds a text.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        mix(0x1F)
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The hash as 16 lowercase hexadecimal digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
