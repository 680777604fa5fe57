import RapportCRM
import RapportTime

/// Reads a mapping file's tree into an ``ImportMapping``, checking every rule and naming the field that breaks
/// one.
enum MappingReader {
    /// Reads the root object.
    ///
    /// - Parameter root: The file's root node.
    /// - Returns: The mapping.
    /// - Throws: ``ImportProblem`` naming the field and the rule.
    static func mapping(_ root: MappingNode) throws(ImportProblem) -> ImportMapping {
        let object = try root.object(allowed: ["name", "actor", "accounts", "files"])
        let nameNode = try object.required("name")
        let name = try nameNode.text()
        guard (try? RecordId(name)) != nil, name.count <= 32 else {
            throw nameNode.invalid("must be 1 to 32 of the characters A-Z a-z 0-9 . _ : - (it is part of command ids)")
        }
        let actorNode = try object.required("actor")
        let actor = try actorNode.text()
        guard actor.count <= CommandEnvelope.maximumIdLength else {
            throw actorNode.invalid("must be at most \(CommandEnvelope.maximumIdLength) characters")
        }
        var accounts: [ImportMapping.DeclaredAccount] = []
        for node in try object.optional("accounts")?.elements() ?? [] {
            accounts.append(try declaredAccount(node))
        }
        let filesNode = try object.required("files")
        let fileNodes = try filesNode.elements()
        guard !fileNodes.isEmpty else { throw filesNode.invalid("must list at least one file") }
        var files: [FileMapping] = []
        for node in fileNodes {
            let file = try fileMapping(node, earlier: files, accounts: accounts.map(\.id))
            guard !files.contains(where: { $0.file == file.file }) else {
                throw node.invalid("names \(file.file) a second time; each file is mapped once")
            }
            files.append(file)
        }
        return ImportMapping(name: name, actor: actor, accounts: accounts, files: files)
    }

    private static func declaredAccount(_ node: MappingNode) throws(ImportProblem) -> ImportMapping.DeclaredAccount {
        let object = try node.object(allowed: ["id", "name", "ownerId", "industry", "openedAt"])
        var openedAt: Timestamp?
        if let openedNode = object.optional("openedAt") {
            guard let time = Timestamp(rfc3339: try openedNode.text()) else {
                throw openedNode.invalid("must be an RFC 3339 time, e.g. 2016-01-01T00:00:00Z")
            }
            openedAt = time
        }
        return ImportMapping.DeclaredAccount(
            id: try recordId(try object.required("id")),
            name: try object.required("name").text(),
            ownerId: try recordId(try object.required("ownerId")),
            industry: try object.optional("industry")?.text(),
            openedAt: openedAt
        )
    }

    /// Reads a record id.
    static func recordId(_ node: MappingNode) throws(ImportProblem) -> RecordId {
        let text = try node.text()
        guard let id = try? RecordId(text) else {
            throw node.invalid("must be a record id: 1 to 64 of the characters A-Z a-z 0-9 . _ : -")
        }
        return id
    }

    private static func fileMapping(
        _ node: MappingNode,
        earlier: [FileMapping],
        accounts: [RecordId]
    ) throws(ImportProblem) -> FileMapping {
        let object = try node.object(allowed: ["file", "record", "externalId", "fields", "parent", "references"])
        let fileNode = try object.required("file")
        let file = try fileNode.text()
        guard !file.contains("/"), file != "..", file != "." else {
            throw fileNode.invalid("must be a file name inside the source directory, without /")
        }
        let recordNode = try object.required("record")
        guard let record = FileMapping.Record(rawValue: try recordNode.text()) else {
            throw recordNode.invalid(
                "must be one of " + FileMapping.Record.allCases.map(\.rawValue).joined(separator: ", ")
            )
        }
        let externalId = try valueRule(try object.required("externalId"), kind: .id)
        guard externalId.column != nil else {
            throw try object.required("externalId").invalid("must read a column: every row has its own id")
        }
        let known = ImportField.fields(of: record)
        var fields: [String: ValueRule] = [:]
        let fieldsNode = object.optional("fields")
        if record == .reference, let fieldsNode {
            throw fieldsNode.invalid("must be left out: a reference file loads no fields")
        }
        if record == .event, let fieldsNode {
            throw fieldsNode.invalid("must be left out: an event file has the columns of rapport export --format csv")
        }
        for (key, value) in try fieldsNode?.entries(allowed: known.map(\.name)) ?? [] {
            guard let field = known.first(where: { $0.name == key }) else { continue }
            fields[key] = try valueRule(value, kind: field.kind)
        }
        for field in known where field.required && fields[field.name] == nil {
            let path = "\(node.path).fields.\(field.name)"
            throw ImportProblem("missing_field", field: path, "\(path) is required for \(record.rawValue) rows")
        }
        if record == .event, let parentNode = object.optional("parent") {
            throw parentNode.invalid("must be left out: an event row names its record in its stream column")
        }
        let parent = try object.optional("parent").map { parentNode throws(ImportProblem) in
            try parentRule(parentNode, record: record, ownFile: file, earlier: earlier, accounts: accounts)
        }
        if parent == nil, record == .opportunity || record == .caseUpdate {
            let path = "\(node.path).parent"
            throw ImportProblem(
                "missing_field",
                field: path,
                "\(path) is required: \(record.rawValue) rows need an account"
            )
        }
        var references: [ReferenceRule] = []
        for referenceNode in try object.optional("references")?.elements() ?? [] {
            let reference = try referenceNode.object(allowed: ["field", "file"])
            let fieldNode = try reference.required("field")
            let field = try fieldNode.text()
            guard fields[field] != nil else { throw fieldNode.invalid("must name one of this file's fields") }
            let referenceFile = try reference.required("file")
            let name = try referenceFile.text()
            guard earlier.contains(where: { $0.file == name && $0.record == .reference }) else {
                throw referenceFile.invalid("must name a reference file listed before this one")
            }
            references.append(ReferenceRule(field: field, file: name))
        }
        return FileMapping(
            file: file,
            record: record,
            externalId: externalId,
            fields: fields,
            parent: parent,
            references: references
        )
    }
}
