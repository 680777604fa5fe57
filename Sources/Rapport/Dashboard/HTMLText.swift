import Foundation

/// Text made safe for HTML and SVG, and the number forms the dashboard prints.
enum HTMLText {
    /// The text with `&`, `<`, `>`, `"` and `'` written as character references, safe in element content and in
    /// quoted attribute values alike.
    ///
    /// - Parameter text: Any text, e.g. an account's name.
    /// - Returns: The escaped text.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// A number shortened for an axis or a bar: `950`, `12.5k`, `3.4M`, `1.2B`.
    ///
    /// - Parameter value: The number.
    /// - Returns: The short form.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let (scaled, suffix): (Double, String) =
            switch magnitude {
            case 1e9...: (value / 1e9, "B")
            case 1e6...: (value / 1e6, "M")
            case 1e3...: (value / 1e3, "k")
            default: (value, "")
            }
        let rounded = (scaled * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int64(rounded)) : String(format: "%.1f", rounded)) + suffix
    }

    /// A whole amount with thousands separators, e.g. `1,234,567`.
    ///
    /// - Parameter value: The amount.
    /// - Returns: The text.
    static func grouped(_ value: Double) -> String {
        let digits = String(Int64(abs(value).rounded()))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 && digits != "0" ? "-" : "") + grouped
    }

    /// A share as a percentage with one decimal, e.g. `62.5%`.
    ///
    /// - Parameter share: The share, 0 to 1.
    /// - Returns: The text.
    static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    /// A coordinate with one decimal, the precision the charts draw at.
    ///
    /// - Parameter value: The coordinate.
    /// - Returns: The text.
    static func coordinate(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
