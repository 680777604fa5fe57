import RapportCRM
import Yams

extension MappingReader {
    /// Reads a value rule: `{"column": ..., "values": {...}, "missing": [...], "ifMissing": ..., "format": ...,
    /// "scale": ..., "transform": ...}` or `{"constant": ...}`; a bare text is short for `{"column": text}`.
    ///
    /// - Parameters:
    ///   - node: The rule's node.
    ///   - kind: The kind of value the field takes, which decides the options allowed.
    /// - Returns: The rule.
    /// - Throws: ``ImportProblem`` naming the field and the rule.
    static func valueRule(_ node: MappingNode, kind: ImportField.Kind) throws(ImportProblem) -> ValueRule {
        var rule = ValueRule()
        if node.node.scalar != nil {
            rule.column = try node.text()
            guard kind != .date, kind != .time else { throw node.invalid("must be an object with a format") }
            return rule
        }
        var allowed = ["column", "constant", "values", "missing", "ifMissing"]
        switch kind {
        case .date, .time: allowed.append("format")
        case .money, .integer: allowed.append("scale")
        case .id: allowed.append("transform")
        case .text: break
        }
        let object = try node.object(allowed: allowed)
        rule.column = try object.optional("column")?.text()
        rule.constant = try object.optional("constant")?.text()
        guard (rule.column == nil) != (rule.constant == nil) else {
            throw node.invalid("must have either a column or a constant")
        }
        if let values = object.optional("values") {
            for (key, value) in try values.entries(allowed: nil) {
                rule.values[key] = try value.anyText()
            }
        }
        if let missing = object.optional("missing") {
            rule.missing = []
            for element in try missing.elements() {
                rule.missing.insert(try element.anyText())
            }
        }
        rule.ifMissing = try object.optional("ifMissing")?.text()
        if let formatNode = object.optional("format") {
            guard let pattern = DatePattern(try formatNode.text()) else {
                throw formatNode.invalid(
                    "must be a date pattern with yyyy, MM and dd (and HH with mm for a time), e.g. dd-MM-yyyy HH:mm"
                )
            }
            rule.format = pattern
        } else if kind == .date || kind == .time {
            let path = "\(node.path).format"
            throw ImportProblem("missing_field", field: path, "\(path) is required for a date or time column")
        }
        if let scale = object.optional("scale") {
            rule.scale = try scale.integer(in: 1...1_000_000_000)
        }
        if let transformNode = object.optional("transform") {
            guard let transform = ValueRule.Transform(rawValue: try transformNode.text()) else {
                throw transformNode.invalid("must be none or slug")
            }
            rule.transform = transform
        }
        return rule
    }

    /// Reads a parent rule: `{"column": ..., "by": "name" | "externalId", "file": ..., "transform": ...,
    /// "required": ...}` or `{"account": <declared account id>}`.
    ///
    /// - Parameters:
    ///   - node: The rule's node.
    ///   - record: The kind of record of the file.
    ///   - ownFile: The file's name (accounts may find their parents in their own file).
    ///   - earlier: The files listed before this one.
    ///   - accounts: The accounts the mapping declares.
    /// - Returns: The rule.
    /// - Throws: ``ImportProblem`` naming the field and the rule.
    static func parentRule(
        _ node: MappingNode,
        record: FileMapping.Record,
        ownFile: String,
        earlier: [FileMapping],
        accounts: [RecordId]
    ) throws(ImportProblem) -> ParentRule {
        guard record != .reference else { throw node.invalid("must be left out: a reference file has no parents") }
        let object = try node.object(allowed: ["column", "account", "by", "file", "transform", "required"])
        let required = try object.optional("required")?.boolean() ?? (record != .account)
        if let accountNode = object.optional("account") {
            guard object.fields.count == 1 else { throw node.invalid("with account takes no other field") }
            let id = try recordId(accountNode)
            guard accounts.contains(id) else { throw accountNode.invalid("must name an account the mapping declares") }
            return ParentRule(column: nil, account: id, required: true)
        }
        var rule = ParentRule(column: try object.required("column").text(), required: required)
        if let byNode = object.optional("by") {
            guard let by = ParentRule.Lookup(rawValue: try byNode.text()) else {
                throw byNode.invalid("must be name or externalId")
            }
            rule.by = by
        }
        if let fileNode = object.optional("file") {
            let file = try fileNode.text()
            let isSelf = record == .account && file == ownFile
            guard earlier.contains(where: { $0.file == file && $0.record == .account }) || isSelf else {
                throw fileNode.invalid("must name an account file listed before this one: parents load before children")
            }
            rule.file = file
        } else if rule.by == .name, record != .account {
            let path = "\(node.path).file"
            throw ImportProblem("missing_field", field: path, "\(path) is required to find parents by name")
        }
        if let transformNode = object.optional("transform") {
            guard let transform = ValueRule.Transform(rawValue: try transformNode.text()) else {
                throw transformNode.invalid("must be none or slug")
            }
            rule.transform = transform
        }
        return rule
    }
}
