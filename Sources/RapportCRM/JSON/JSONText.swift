import Foundation

/// Appends the strings of the domain's JSON forms as UTF-8 bytes, escaped the way Foundation's `JSONEncoder` escapes
/// them with `.withoutEscapingSlashes` (numbers are written by ``DecimalText``).
///
/// The escaping rules: `"` and `\` take a backslash; backspace, form feed, newline, return and tab take their short
/// escapes (`\b`, `\f`, `\n`, `\r`, `\t`); every other byte below 0x20 is written `\u00xx` in lowercase hex; all
/// other bytes, non-ASCII ones included, are written as they are.
enum JSONText {
    /// Appends a string in quotes, escaped.
    ///
    /// - Parameters:
    ///   - text: The string.
    ///   - bytes: Where to write.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a string's escaped contents without quotes, so that several pieces make one JSON string.
    ///
    /// - Parameters:
    ///   - text: The string.
    ///   - bytes: Where to write.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                appendEscape(of: byte, to: &bytes)
                plainStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
    }

    /// Appends a UUID in quotes in its lowercase 8-4-4-4-12 form, the form the event envelopes give an event's id.
    ///
    /// - Parameters:
    ///   - id: The UUID.
    ///   - bytes: Where to write.
    static func appendUUID(_ id: UUID, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        withUnsafeBytes(of: id.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0x0F))
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes += "u00".utf8
            bytes.append(hexDigit(byte >> 4))
            bytes.append(hexDigit(byte & 0x0F))
        }
    }

    /// The lowercase hex digit of a value from 0 to 15.
    ///
    /// - Parameter value: The value.
    /// - Returns: Its digit's byte.
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
