/// A coding path written as a JSON path such as `data.lineItems[2].quantity`, the way errors name fields.
///
/// - Parameter keys: The coding path.
/// - Returns: The path's text.
func JSONPath(_ keys: [any CodingKey]) -> String {
    keys.reduce("") { text, key in
        if let index = key.intValue {
            return text + "[\(index)]"
        }
        return text.isEmpty ? key.stringValue : text + "." + key.stringValue
    }
}
