import Foundation
import RapportTime

/// A value written straight to JSON bytes by ``JSONObjectWriter``: an `Encodable` value with the text its
/// `encode(to:)` gives through `JSONEncoder`, a stream name as its text.
package protocol JSONDirectValue {
    /// Appends the value's JSON text.
    ///
    /// - Parameter bytes: Where to write.
    func appendJSON(to bytes: inout [UInt8])
}

extension String: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) { JSONText.appendString(self, to: &bytes) }
}

extension Bool: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) { bytes += (self ? "true" : "false").utf8 }
}

extension JSONDirectValue where Self: FixedWidthInteger {
    package func appendJSON(to bytes: inout [UInt8]) {
        if Self.isSigned {
            DecimalText.append(Int64(self), to: &bytes)
        } else {
            DecimalText.append(UInt64(self), to: &bytes)
        }
    }
}

extension Int: JSONDirectValue {}
extension Int8: JSONDirectValue {}
extension Int16: JSONDirectValue {}
extension Int32: JSONDirectValue {}
extension Int64: JSONDirectValue {}
extension UInt: JSONDirectValue {}
extension UInt8: JSONDirectValue {}
extension UInt16: JSONDirectValue {}
extension UInt32: JSONDirectValue {}
extension UInt64: JSONDirectValue {}

/// The number ``Money/encode(to:)`` writes through `Decimal`: the units, then the ten-thousandths without
/// trailing zeros.
extension Money: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) {
        if tenThousandths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = tenThousandths.magnitude
        DecimalText.append(magnitude / 10_000, to: &bytes)
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var place: UInt64 = 1_000
        while fraction != 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / place))
            fraction %= place
            place /= 10
        }
    }
}

extension RecordId: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) { JSONText.appendString(text, to: &bytes) }
}

/// A time's RFC 3339 text holds nothing to escape.
extension Timestamp: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendRFC3339(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A date's text holds nothing to escape.
extension CalendarDate: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendText(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A stream name as its text, e.g. `"account-A1"`.
extension StreamName: JSONDirectValue {
    package func appendJSON(to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        JSONText.appendEscaped(kind.streamPrefix, to: &bytes)
        JSONText.appendEscaped(id.text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
}
