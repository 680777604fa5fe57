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
        if node.node.scalar != nil {
            let column = try node.text()
            guard kind != .date, kind != .time else { throw node.invalid("must be an object with a format") }
            return ValueRule(column: column)
        }
        var allowed = ["column", "constant", "values", "missing", "ifMissing"]
        switch kind {
        case .date, .time: allowed.append("format")
        case .money, .integer: allowed.append("scale")
        case .id: allowed.append("transform")
        case .text: break
        }
        let object = try node.object(allowed: allowed)
        let column = try object.optional("column")?.text()
        let constant = try object.optional("constant")?.text()
        guard (column == nil) != (constant == nil) else {
            throw node.invalid("must have either a column or a constant")
        }
        var values: [String: String] = [:]
        if let valuesNode = object.optional("values") {
            for (key, value) in try valuesNode.entries(allowed: nil) {
                values[key] = try value.anyText()
            }
        }
        var missing: Set<String> = [""]
        if let missingNode = object.optional("missing") {
            missing = []
            for element in try missingNode.elements() {
                missing.insert(try element.anyText())
            }
        }
        let ifMissing = try object.optional("ifMissing")?.text()
        var format: DatePattern?
        if let formatNode = object.optional("format") {
            guard let pattern = DatePattern(try formatNode.text()) else {
                throw formatNode.invalid(
                    "must be a date pattern with yyyy, MM and dd (and HH with mm for a time), e.g. dd-MM-yyyy HH:mm"
                )
            }
            format = pattern
        } else if kind == .date || kind == .time {
            let path = "\(node.path).format"
            throw ImportProblem("missing_field", field: path, "\(path) is required for a date or time column")
        }
        var scale: Int64 = 1
        if let scaleNode = object.optional("scale") {
            scale = try scaleNode.integer(in: 1...1_000_000_000)
        }
        var transform = ValueRule.Transform.none
        if let transformNode = object.optional("transform") {
            guard let named = ValueRule.Transform(rawValue: try transformNode.text()) else {
                throw transformNode.invalid("must be none or slug")
            }
            transform = named
        }
        return ValueRule(
            column: column,
            constant: constant,
            missing: missing,
            values: values,
            ifMissing: ifMissing,
            format: format,
            scale: scale,
            transform: transform
        )
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
