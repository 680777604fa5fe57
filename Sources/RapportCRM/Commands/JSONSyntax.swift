/// A strict check of a command's JSON text (RFC 8259) before it is decoded, so that every malformed command is
/// refused with the place and the rule it breaks rather than the decoder's "not valid JSON".
///
/// It also refuses what the decoder would accept silently or badly: nesting deeper than any command needs (each
/// level costs the decoder stack, and a line of 100,000 `[` is an attack, not a command) and a field given twice
/// in one object (the decoder keeps one of the values, a schema validator another).
struct JSONSyntax {
    /// The deepest nesting of objects and arrays accepted, the command's own object counting as one.
    static let maximumDepth = 32

    let bytes: UnsafeRawBufferPointer
    var offset = 0
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Checks that text is one JSON object and nothing else.
    ///
    /// - Parameter bytes: The command's text.
    /// - Throws: ``DomainError`` `malformed_command` saying where and why; with the field when one is given twice.
    static func checkObject(_ bytes: UnsafeRawBufferPointer) throws(DomainError) {
        var syntax = JSONSyntax(bytes)
        syntax.skipSpace()
        guard syntax.offset < bytes.count else {
            throw DomainError(.malformedCommand, "a command must be a JSON object, not empty text")
        }
        guard bytes[syntax.offset] == UInt8(ascii: "{") else {
            throw DomainError(.malformedCommand, "a command must be a JSON object, not \(syntax.describeValueAhead())")
        }
        try syntax.object(path: "")
        syntax.skipSpace()
        guard syntax.offset == bytes.count else {
            throw syntax.malformed("text follows the command's closing }")
        }
    }

    private mutating func value(path: String) throws(DomainError) {
        skipSpace()
        guard offset < bytes.count else { throw cutShort() }
        switch bytes[offset] {
        case UInt8(ascii: "{"): try object(path: path)
        case UInt8(ascii: "["): try array(path: path)
        case UInt8(ascii: "\""): _ = try string(keepingText: false)
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw malformed("a value (object, array, string, number, true, false or null) was expected")
        }
    }

    mutating func object(path: String) throws(DomainError) {
        try enterContainer()
        var keys: Set<[UInt8]> = []
        skipSpace()
        if try consume(UInt8(ascii: "}")) {
            depth -= 1
            return
        }
        repeat {
            skipSpace()
            guard offset < bytes.count else { throw cutShort() }
            guard bytes[offset] == UInt8(ascii: "\"") else {
                throw malformed("a field name in double quotes was expected")
            }
            let key = try string(keepingText: true)
            guard keys.insert(key).inserted else {
                let field = Self.path(path, key)
                throw DomainError(.malformedCommand, field: field, "\(field) is given twice; a field may appear once")
            }
            skipSpace()
            guard try consume(UInt8(ascii: ":")) else { throw malformed("':' was expected after the field name") }
            skipSpace()
            try value(path: try holdsContainer() ? Self.path(path, key) : "")
            skipSpace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "}")) else { throw malformed("',' or '}' was expected") }
        depth -= 1
    }

    private mutating func array(path: String) throws(DomainError) {
        try enterContainer()
        skipSpace()
        if try consume(UInt8(ascii: "]")) {
            depth -= 1
            return
        }
        var index = 0
        repeat {
            skipSpace()
            try value(path: try holdsContainer() ? path + "[\(index)]" : "")
            index += 1
            skipSpace()
        } while try consume(UInt8(ascii: ","))
        guard try consume(UInt8(ascii: "]")) else { throw malformed("',' or ']' was expected") }
        depth -= 1
    }

    /// Whether an object or an array starts at the offset, the only values whose path errors may name.
    private func holdsContainer() throws(DomainError) -> Bool {
        guard offset < bytes.count else { throw cutShort() }
        return bytes[offset] == UInt8(ascii: "{") || bytes[offset] == UInt8(ascii: "[")
    }

    /// The JSON path of a field of the object at `path`.
    private static func path(_ path: String, _ key: [UInt8]) -> String {
        JSONPath(path, field: String(decoding: key, as: UTF8.self))
    }

    private mutating func enterContainer() throws(DomainError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw DomainError(
                .malformedCommand,
                "the command nests objects and arrays more than \(Self.maximumDepth) deep (at byte \(offset + 1))"
            )
        }
        offset += 1
    }

    private mutating func number() throws(DomainError) {
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

    private mutating func literal(_ word: StaticString) throws(DomainError) {
        let length = word.utf8CodeUnitCount
        let word = UnsafeRawBufferPointer(start: word.utf8Start, count: length)
        for index in 0..<length {
            guard offset + index < bytes.count else { throw cutShort() }
            guard bytes[offset + index] == word[index] else {
                throw malformed("a value (object, array, string, number, true, false or null) was expected")
            }
        }
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

    /// What the text holds where a value starts, for the refusal of a command that is not an object.
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
        DomainError(.malformedCommand, "the command is not valid JSON at byte \(offset + 1): \(rule)")
    }

    func cutShort() -> DomainError {
        DomainError(.malformedCommand, "the command is not valid JSON: it is cut short after \(bytes.count) bytes")
    }
}
