/// A coding path written as a JSON path such as `data.lineItems[2].quantity`, the way errors name fields.
///
/// - Parameter keys: The coding path.
/// - Returns: The path's text.
func JSONPath(_ keys: [any CodingKey]) -> String {
    keys.reduce("") { text, key in
        if let index = key.intValue {
            return text + "[\(index)]"
        }
        return JSONPath(text, field: key.stringValue)
    }
}

/// The JSON path of a field of the object at a path, e.g. `data.amount`, or the field's name alone at the top.
///
/// - Parameters:
///   - path: The object's path; empty for the top-level object.
///   - field: The field's name.
/// - Returns: The field's path.
func JSONPath(_ path: String, field: String) -> String {
    path.isEmpty ? field : path + "." + field
}
