import Yams

/// A node of a mapping file with its path (`files[1].fields.stage`), so every refusal names the field it concerns.
///
/// Reads through Yams' representation tree, where every scalar is still text: JSON is YAML, and numbers and
/// booleans are read by the rules of the field that holds them, not guessed by the parser.
struct MappingNode {
    /// The node.
    let node: Node
    /// Where it is in the file.
    let path: String

    /// A refusal of this node's value.
    ///
    /// - Parameter rule: What the value should be.
    /// - Returns: The error, naming the path.
    func invalid(_ rule: String) -> ImportProblem {
        ImportProblem("invalid_mapping", field: path, "\(path.isEmpty ? "the mapping" : path) \(rule)")
    }

    /// The node's text.
    ///
    /// - Throws: ``ImportProblem`` when it is not a non-empty text.
    func text() throws(ImportProblem) -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { throw invalid("must be a non-empty text") }
        return scalar.string
    }

    /// The node's text, empty allowed.
    ///
    /// - Throws: ``ImportProblem`` when it is not a text.
    func anyText() throws(ImportProblem) -> String {
        guard let scalar = node.scalar else { throw invalid("must be a text") }
        return scalar.string
    }

    /// The node as a whole number in a range.
    ///
    /// - Parameter range: The numbers allowed.
    /// - Throws: ``ImportProblem`` when it is not one of them.
    func integer(in range: ClosedRange<Int64>) throws(ImportProblem) -> Int64 {
        guard let scalar = node.scalar, let value = Int64(scalar.string), range.contains(value) else {
            throw invalid("must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The node as `true` or `false`.
    ///
    /// - Throws: ``ImportProblem`` when it is neither.
    func boolean() throws(ImportProblem) -> Bool {
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default: throw invalid("must be true or false")
        }
    }

    /// The elements of a list node.
    ///
    /// - Throws: ``ImportProblem`` when it is not a list.
    func elements() throws(ImportProblem) -> [MappingNode] {
        guard let sequence = node.sequence else { throw invalid("must be a list") }
        return sequence.enumerated().map { MappingNode(node: $1, path: "\(path)[\($0)]") }
    }

    /// The entries of an object node, refusing keys not in `allowed` and keys given twice.
    ///
    /// - Parameter allowed: The keys the object may have; nil allows any.
    /// - Returns: The entries in file order.
    /// - Throws: ``ImportProblem`` naming the unknown or repeated key.
    func entries(allowed: [String]?) throws(ImportProblem) -> [(key: String, value: MappingNode)] {
        guard let mapping = node.mapping else { throw invalid("must be an object") }
        var seen: Set<String> = []
        var result: [(key: String, value: MappingNode)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let child = path.isEmpty ? key : "\(path).\(key)"
            if let allowed, !allowed.contains(key) {
                throw ImportProblem(
                    "unknown_field",
                    field: child,
                    "\(child) is not a mapping field; \(path.isEmpty ? "the mapping" : path) takes "
                        + allowed.joined(separator: ", ")
                )
            }
            guard seen.insert(key).inserted else {
                throw ImportProblem("invalid_mapping", field: child, "\(child) is given twice")
            }
            result.append((key, MappingNode(node: value, path: child)))
        }
        return result
    }

    /// An object's fields by name, after checking that only `allowed` ones are present.
    ///
    /// - Parameter allowed: The keys the object may have.
    /// - Throws: ``ImportProblem`` naming an unknown or repeated key.
    func object(allowed: [String]) throws(ImportProblem) -> MappingObject {
        var fields: [String: MappingNode] = [:]
        for (key, value) in try entries(allowed: allowed) { fields[key] = value }
        return MappingObject(path: path, fields: fields)
    }
}

/// An object of a mapping file whose keys were checked.
struct MappingObject {
    /// Where it is in the file.
    let path: String
    /// Its fields by name.
    let fields: [String: MappingNode]

    /// A field that must be present.
    ///
    /// - Parameter key: The field's name.
    /// - Throws: ``ImportProblem`` `missing_field` when it is absent.
    func required(_ key: String) throws(ImportProblem) -> MappingNode {
        guard let node = fields[key] else {
            let field = path.isEmpty ? key : "\(path).\(key)"
            throw ImportProblem("missing_field", field: field, "\(field) is required")
        }
        return node
    }

    /// A field that may be absent.
    ///
    /// - Parameter key: The field's name.
    /// - Returns: The field, or nil.
    func optional(_ key: String) -> MappingNode? { fields[key] }
}
