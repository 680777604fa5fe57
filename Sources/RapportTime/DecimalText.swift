/// Appends numbers as decimal text to UTF-8 bytes, for the writers that build times and JSON as bytes without
/// making a `String` per number.
package enum DecimalText {
    /// Appends an unsigned integer's digits.
    ///
    /// - Parameters:
    ///   - value: The integer.
    ///   - bytes: Where to write.
    package static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var place: UInt64 = 1
        while value / place >= 10 {
            place *= 10
        }
        while true {
            bytes.append(UInt8(ascii: "0") + UInt8(value / place % 10))
            if place == 1 { return }
            place /= 10
        }
    }

    /// Appends an integer's digits, with a `-` when it is negative, after zeros that bring the text up to `width`
    /// characters (the zeros go before the `-`).
    ///
    /// - Parameters:
    ///   - value: The integer.
    ///   - width: The fewest characters written; none are added by default.
    ///   - bytes: Where to write.
    package static func append(_ value: Int64, width: Int = 0, to bytes: inout [UInt8]) {
        var length = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        for _ in length..<max(length, width) {
            bytes.append(UInt8(ascii: "0"))
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(value.magnitude, to: &bytes)
    }
}
