extension DomainError {
    /// The refusal for an error thrown while reading JSON into the domain's types, for commands and
    /// configuration files alike: a refusal the types raised passes through, a decoding error becomes
    /// `missing_field` or `invalid_field` naming the field, and anything else is the given malformed-input refusal.
    ///
    /// - Parameters:
    ///   - error: What reading threw.
    ///   - malformed: The refusal for input that is not readable at all.
    init(decoding error: any Error, malformed: @autoclosure () -> DomainError) {
        switch error {
        case let refusal as DomainError:
            self = refusal
        case DecodingError.keyNotFound(let key, let context):
            let field = JSONPath(context.codingPath + [key])
            self.init(.missingField, field: field, "\(field) is required")
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            let field = JSONPath(context.codingPath)
            self.init(.invalidField, field: field, "\(field) must be \(Self.describe(type))")
        case DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = JSONPath(context.codingPath)
            self.init(.invalidField, field: field, "\(field) \(context.debugDescription)")
        default:
            self = malformed()
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "an array"
        default: "a value of type \(type)"
        }
    }
}
