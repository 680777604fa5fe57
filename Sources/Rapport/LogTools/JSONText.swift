/// Compact, key-sorted JSON text of the objects the tools print.
enum JSONText {
    /// Serialises an object.
    ///
    /// - Parameter members: The object's members.
    /// - Returns: Its JSON text.
    static func object(_ members: [String: JSONValue]) -> String {
        JSONValue.object(members).canonicalString
    }
}
