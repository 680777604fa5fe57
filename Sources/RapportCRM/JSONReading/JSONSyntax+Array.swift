extension JSONSyntax {
    /// Reads a text that must be one JSON array of objects and nothing else.
    ///
    /// Each element is checked as strictly as a single command (nesting, fields given twice), with its
    /// position in the array named in the refusal.
    ///
    /// - Parameter bytes: The array's text.
    /// - Returns: The array's nodes, the array's own first; its elements are the objects.
    /// - Throws: ``DomainError`` `malformed_command` saying where and why.
    static func arrayOfObjects(_ bytes: UnsafeRawBufferPointer) throws(DomainError) -> [JSONNode] {
        var syntax = JSONSyntax(bytes)
        syntax.reserveNodes()
        syntax.skipSpace()
        guard syntax.offset < bytes.count, bytes[syntax.offset] == UInt8(ascii: "[") else {
            throw DomainError(.malformedCommand, "a list of commands must be a JSON array")
        }
        syntax.nodes.append(JSONNode(kind: .array, start: syntax.offset, end: syntax.offset))
        syntax.offset += 1
        syntax.skipSpace()
        if try !syntax.consume(UInt8(ascii: "]")) {
            repeat {
                syntax.skipSpace()
                let index = syntax.nodes[0].count
                guard try syntax.holdsObject() else {
                    throw DomainError(
                        .malformedCommand,
                        field: "[\(index)]",
                        "command \(index) of the list must be a JSON object"
                    )
                }
                try syntax.object(path: "[\(index)]")
                syntax.nodes[0].count += 1
                syntax.skipSpace()
            } while try syntax.consume(UInt8(ascii: ","))
            guard try syntax.consume(UInt8(ascii: "]")) else { throw syntax.malformed("',' or ']' was expected") }
        }
        syntax.nodes[0].end = syntax.offset
        syntax.nodes[0].next = syntax.nodes.count
        syntax.skipSpace()
        guard syntax.offset == bytes.count else {
            throw syntax.malformed("text follows the list's closing ]")
        }
        return syntax.nodes
    }

    private func holdsObject() throws(DomainError) -> Bool {
        guard offset < bytes.count else { throw cutShort() }
        return bytes[offset] == UInt8(ascii: "{")
    }
}
