/// A strict reading of a JSON text (RFC 8259) into ``JSONNode``s, so that every malformed command or configuration
/// is refused with the place and the rule it breaks rather than a decoder's "not valid JSON".
///
/// It also refuses what a decoder would accept silently or badly: nesting deeper than any command needs (each
/// level costs the decoder stack, and a line of 100,000 `[` is an attack, not a command) and a field given twice
/// in one object (a decoder keeps one of the values, a schema validator another).
struct JSONSyntax {
    /// The deepest nesting of objects and arrays accepted, the command's own object counting as one.
    static let maximumDepth = 32
    /// Objects with more fields than this find a field given twice by hashing the names rather than comparing them.
    private static let fieldsComparedInTurn = 16

    let bytes: UnsafeRawBufferPointer
    /// What the text is, in refusals: `command` or `configuration`.
    let noun: String
    var offset = 0
    /// The values read so far, in the text's order.
    var nodes: [JSONNode] = []
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer, noun: String = "command") {
        self.bytes = bytes
        self.noun = noun
    }

    /// Reads a text that must be one JSON object and nothing else.
    ///
    /// - Parameters:
    ///   - bytes: The text.
    ///   - noun: What the text is, in refusals: `command` or `configuration`.
    /// - Returns: The object's nodes, the object's own first.
    /// - Throws: ``DomainError`` `malformed_command` saying where and why; with the field when one is given twice.
    static func object(_ bytes: UnsafeRawBufferPointer, noun: String = "command") throws(DomainError) -> [JSONNode] {
        var syntax = JSONSyntax(bytes, noun: noun)
        syntax.reserveNodes()
        syntax.skipSpace()
        guard syntax.offset < bytes.count else {
            throw DomainError(.malformedCommand, "a \(noun) must be a JSON object, not empty text")
        }
        guard bytes[syntax.offset] == UInt8(ascii: "{") else {
            throw DomainError(.malformedCommand, "a \(noun) must be a JSON object, not \(syntax.describeValueAhead())")
        }
        try syntax.object(path: "")
        syntax.skipSpace()
        guard syntax.offset == bytes.count else {
            throw syntax.malformed("text follows the \(noun)'s closing }")
        }
        return syntax.nodes
    }

    private mutating func value(path: String) throws(DomainError) {
        skipSpace()
        guard offset < bytes.count else { throw cutShort() }
        switch bytes[offset] {
        case UInt8(ascii: "{"): try object(path: path)
        case UInt8(ascii: "["): try array(path: path)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw malformed("a value (object, array, string, number, true, false or null) was expected")
        }
    }

    mutating func object(path: String) throws(DomainError) {
        let node = try enterContainer(.object)
        var names: Set<[UInt8]>? = nil
        skipSpace()
        if try consume(UInt8(ascii: "}")) {
            leaveContainer(node)
            return
        }
        repeat {
            skipSpace()
            guard offset < bytes.count else { throw cutShort() }
            guard bytes[offset] == UInt8(ascii: "\"") else {
                throw malformed("a field name in double quotes was expected")
            }
            let key = try string()
            nodes[node].count += 1
            if isGivenTwice(key, in: node, names: &names) {
                let field = fieldPath(path, key)
                throw DomainError(.malformedCommand, field: field, "\(field) is given twice; a field may appear once")
            }
            skipSpace()
            guard try consume(UInt8(ascii: ":")) else { throw malformed("':' was expected after the field name") }
            skipSpace()
            try value(path: try holdsContainer() ? fieldPath(path, key) : "")
            skipSpace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "}")) else { throw malformed("',' or '}' was expected") }
        leaveContainer(node)
    }

    /// Whether an object's field just read has the name of an earlier one: compared in turn while the object has
    /// few fields, then through a set of the names, so a field given 100,000 times costs no more than 100,000 sets.
    private func isGivenTwice(_ key: Int, in object: Int, names: inout Set<[UInt8]>?) -> Bool {
        let earlierKeys = JSONFieldKeys(of: object, in: nodes).lazy.prefix { $0 < key }
        if names == nil, nodes[object].count > Self.fieldsComparedInTurn {
            names = Set(earlierKeys.map { text(ofStringAt: $0) })
        }
        if names != nil {
            return !names!.insert(text(ofStringAt: key)).inserted
        }
        return earlierKeys.contains { sameText(ofStringsAt: $0, key) }
    }

    mutating func array(path: String) throws(DomainError) {
        let node = try enterContainer(.array)
        skipSpace()
        if try consume(UInt8(ascii: "]")) {
            leaveContainer(node)
            return
        }
        repeat {
            skipSpace()
            try value(path: try holdsContainer() ? path + "[\(nodes[node].count)]" : "")
            nodes[node].count += 1
            skipSpace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "]")) else { throw malformed("',' or ']' was expected") }
        leaveContainer(node)
    }

    /// Whether an object or an array starts at the offset, the only values whose path errors may name.
    private func holdsContainer() throws(DomainError) -> Bool {
        guard offset < bytes.count else { throw cutShort() }
        return bytes[offset] == UInt8(ascii: "{") || bytes[offset] == UInt8(ascii: "[")
    }

    /// Makes room for the nodes of a text at once: in commands, a value takes eight bytes of text or more.
    mutating func reserveNodes() {
        nodes.reserveCapacity(bytes.count / 8 + 8)
    }

    /// The JSON path of the field whose key is at a node, in the object at `path`.
    private func fieldPath(_ path: String, _ key: Int) -> String {
        JSONPath(path, field: String(decoding: text(ofStringAt: key), as: UTF8.self))
    }

    /// Starts an object or an array at its opening bracket.
    ///
    /// - Returns: The index of its node, completed by ``leaveContainer(_:)``.
    private mutating func enterContainer(_ kind: JSONNode.Kind) throws(DomainError) -> Int {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw DomainError(
                .malformedCommand,
                "the \(noun) nests objects and arrays more than \(Self.maximumDepth) deep (at byte \(offset + 1))"
            )
        }
        nodes.append(JSONNode(kind: kind, start: offset, end: offset))
        offset += 1
        return nodes.count - 1
    }

    /// Completes an object's or an array's node just past its closing bracket.
    private mutating func leaveContainer(_ node: Int) {
        depth -= 1
        nodes[node].end = offset
        nodes[node].next = nodes.count
    }

    private mutating func number() throws(DomainError) {
        let start = offset
        defer { nodes.append(JSONNode(kind: .number, start: start, end: offset, next: nodes.count + 1)) }
        _ = try consume(UInt8(ascii: "-"))
        guard offset < bytes.count else { throw cutShort() }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            guard try digits() > 0 else { throw malformed("a number needs digits") }
        }
        if try consume(UInt8(ascii: ".")) {
            guard try digits() > 0 else { throw malformed("a number needs digits after its decimal point") }
        }
        guard offset < bytes.count else { throw cutShort() }
        if bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            guard offset < bytes.count else { throw cutShort() }
            if bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard try digits() > 0 else { throw malformed("a number needs digits in its exponent") }
        }
    }

    private mutating func digits() throws(DomainError) -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            offset += 1
        }
        if offset == bytes.count { throw cutShort() }
        return offset - start
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONNode.Kind) throws(DomainError) {
        let length = word.utf8CodeUnitCount
        let word = UnsafeRawBufferPointer(start: word.utf8Start, count: length)
        for index in 0..<length {
            guard offset + index < bytes.count else { throw cutShort() }
            guard bytes[offset + index] == word[index] else {
                throw malformed("a value (object, array, string, number, true, false or null) was expected")
            }
        }
        nodes.append(JSONNode(kind: kind, start: offset, end: offset + length, next: nodes.count + 1))
        offset += length
    }

    /// Moves past the byte when it is the one expected; at the end of the text, the command is cut short.
    mutating func consume(_ byte: UInt8) throws(DomainError) -> Bool {
        guard offset < bytes.count else { throw cutShort() }
        guard bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// What the text holds where a value starts, for the refusal of a text that is not an object.
    private func describeValueAhead() -> String {
        switch bytes[offset] {
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t") where startsWith("true"), UInt8(ascii: "f") where startsWith("false"): "true or false"
        case UInt8(ascii: "n") where startsWith("null"): "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
        default: "text that is not JSON"
        }
    }

    private func startsWith(_ word: String) -> Bool {
        bytes.count - offset >= word.utf8.count && word.utf8.elementsEqual(bytes[offset..<(offset + word.utf8.count)])
    }

    func malformed(_ rule: String) -> DomainError {
        DomainError(.malformedCommand, "the \(noun) is not valid JSON at byte \(offset + 1): \(rule)")
    }

    func cutShort() -> DomainError {
        DomainError(.malformedCommand, "the \(noun) is not valid JSON: it is cut short after \(bytes.count) bytes")
    }
}
