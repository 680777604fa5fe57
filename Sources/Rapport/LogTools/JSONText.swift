import Foundation

/// Compact, key-sorted JSON text of the objects the tools print.
enum JSONText {
    /// Serialises an object built from strings, booleans, `NSNumber`s, arrays, dictionaries and values that
    /// `JSONSerialization` itself parsed.
    ///
    /// - Parameter object: The object.
    /// - Returns: Its JSON text.
    static func object(_ object: [String: Any]) -> String {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        // Only values JSONSerialization accepts are ever put in these objects, so serialising can not fail.
        let data = try! JSONSerialization.data(withJSONObject: object, options: options)
        return String(decoding: data, as: UTF8.self)
    }
}
