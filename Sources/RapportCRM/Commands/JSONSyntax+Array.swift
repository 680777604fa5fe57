extension JSONSyntax {
    /// Checks that text is one JSON array of objects and nothing else, and finds each object.
    ///
    /// Each element is checked as strictly as a single command (nesting, fields given twice), with its
    /// position in the array named in the refusal.
    ///
    /// - Parameter bytes: The array's text.
    /// - Returns: The byte range of each element, in order.
    /// - Throws: ``DomainError`` `malformed_command` saying where and why.
    static func arrayElements(_ bytes: UnsafeRawBufferPointer) throws(DomainError) -> [Range<Int>] {
        var syntax = JSONSyntax(bytes)
        syntax.skipSpace()
        guard syntax.offset < bytes.count, bytes[syntax.offset] == UInt8(ascii: "[") else {
            throw DomainError(.malformedCommand, "a list of commands must be a JSON array")
        }
        syntax.offset += 1
        var elements: [Range<Int>] = []
        syntax.skipSpace()
        if try !syntax.consume(UInt8(ascii: "]")) {
            repeat {
                syntax.skipSpace()
                guard try syntax.holdsObject() else {
                    throw DomainError(
                        .malformedCommand,
                        field: "[\(elements.count)]",
                        "command \(elements.count) of the list must be a JSON object"
                    )
                }
                let start = syntax.offset
                try syntax.object(path: "[\(elements.count)]")
                elements.append(start..<syntax.offset)
                syntax.skipSpace()
            } while try syntax.consume(UInt8(ascii: ","))
            guard try syntax.consume(UInt8(ascii: "]")) else { throw syntax.malformed("',' or ']' was expected") }
        }
        syntax.skipSpace()
        guard syntax.offset == bytes.count else {
            throw syntax.malformed("text follows the list's closing ]")
        }
        return elements
    }

    private func holdsObject() throws(DomainError) -> Bool {
        guard offset < bytes.count else { throw cutShort() }
        return bytes[offset] == UInt8(ascii: "{")
    }
}
