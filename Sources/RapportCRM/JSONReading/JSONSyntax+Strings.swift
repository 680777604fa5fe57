import Foundation

/// Strings, checked byte by byte: escapes, surrogate pairs and UTF-8; and their text, escapes resolved.
extension JSONSyntax {
    /// Reads a string at its opening quote into a node.
    ///
    /// - Returns: The index of the string's node.
    mutating func string() throws(DomainError) -> Int {
        offset += 1
        let start = offset
        var kind = JSONNode.Kind.string
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                nodes.append(JSONNode(kind: kind, start: start, end: offset, next: nodes.count + 1))
                offset += 1
                return nodes.count - 1
            case UInt8(ascii: "\\"):
                _ = try escape()
                kind = .escapedString
            case 0..<0x20:
                throw malformed("a control character must be escaped inside a string")
            case 0x20..<0x80:
                offset += 1
            default:
                offset += try utf8Sequence()
            }
        }
        throw cutShort()
    }

    /// The text of a string read into a node, as UTF-8 with its escapes resolved.
    func text(ofStringAt index: Int) -> [UInt8] {
        Self.text(of: nodes[index], in: bytes)
    }

    /// The text of a string node of a checked text, as UTF-8 with its escapes resolved.
    ///
    /// - Parameters:
    ///   - node: A string's node.
    ///   - bytes: The text it was read from.
    /// - Returns: The string's text.
    static func text(of node: JSONNode, in bytes: UnsafeRawBufferPointer) -> [UInt8] {
        guard node.kind == .escapedString else { return Array(bytes[node.start..<node.end]) }
        var syntax = JSONSyntax(bytes)
        var text: [UInt8] = []
        text.reserveCapacity(node.end - node.start)
        syntax.offset = node.start
        while syntax.offset < node.end {
            if bytes[syntax.offset] == UInt8(ascii: "\\"), let scalar = try? syntax.escape() {
                UTF8.encode(scalar) { text.append($0) }
            } else {
                text.append(bytes[syntax.offset])
                syntax.offset += 1
            }
        }
        return text
    }

    /// Whether two strings read into nodes have the same text.
    func sameText(ofStringsAt first: Int, _ second: Int) -> Bool {
        let (one, other) = (nodes[first], nodes[second])
        guard one.kind == .string, other.kind == .string else {
            return text(ofStringAt: first) == text(ofStringAt: second)
        }
        let length = one.end - one.start
        return length == other.end - other.start
            && (length == 0 || memcmp(bytes.baseAddress! + one.start, bytes.baseAddress! + other.start, length) == 0)
    }

    /// Reads an escape sequence at a backslash and returns the character it stands for.
    private mutating func escape() throws(DomainError) -> Unicode.Scalar {
        offset += 1
        guard offset < bytes.count else { throw cutShort() }
        let letter = bytes[offset]
        offset += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(letter)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default:
            offset -= 2
            throw malformed("a backslash must start one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
        var unit = try hexUnit()
        if (0xD800..<0xDC00).contains(unit) {
            guard offset + 1 < bytes.count else { throw cutShort() }
            guard bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw loneSurrogate()
            }
            offset += 2
            let low = try hexUnit()
            guard (0xDC00..<0xE000).contains(low) else { throw loneSurrogate() }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(unit) {
            throw loneSurrogate()
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    private mutating func hexUnit() throws(DomainError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard offset < bytes.count else { throw cutShort() }
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("\\u must be followed by four hexadecimal digits")
            }
            unit = unit << 4 | UInt32(digit)
            offset += 1
        }
        return unit
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes at the offset.
    private func utf8Sequence() throws(DomainError) -> Int {
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xE1...0xEF: length = 3
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        default: throw malformed("the text is not valid UTF-8")
        }
        guard offset + length <= bytes.count else { throw cutShort() }
        guard secondRange.contains(bytes[offset + 1]),
            (2..<length).allSatisfy({ (0x80...0xBF).contains(bytes[offset + $0]) })
        else { throw malformed("the text is not valid UTF-8") }
        return length
    }

    private func loneSurrogate() -> DomainError {
        malformed("a \\u escape of a UTF-16 surrogate must be a high one followed by a low one")
    }
}
