import Foundation
import Hummingbird

/// A request's query parameters, read with refusals that name the parameter and the rule.
struct Query {
    private let parameters: [String: [String]]

    /// Reads a request's query.
    ///
    /// - Parameter request: The request.
    init(_ request: Request) {
        var parameters: [String: [String]] = [:]
        for (name, value) in request.uri.queryParameters {
            parameters[String(name), default: []].append(String(value))
        }
        self.parameters = parameters
    }

    /// A parameter's text, if given.
    ///
    /// - Parameter name: The parameter.
    /// - Returns: Its last value, or `nil`.
    func text(_ name: String) -> String? {
        parameters[name]?.last
    }

    /// Every value of a parameter given as a list (`type=A,B` or `type=A&type=B`).
    ///
    /// - Parameter name: The parameter.
    /// - Returns: The values, empty when not given.
    func list(_ name: String) -> Set<String> {
        var values: Set<String> = []
        for given in parameters[name] ?? [] {
            for part in given.split(separator: ",") {
                let value = part.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty {
                    values.insert(value)
                }
            }
        }
        return values
    }

    /// A whole number parameter within bounds.
    ///
    /// - Parameters:
    ///   - name: The parameter.
    ///   - range: The values allowed.
    /// - Returns: The value, or `nil` when not given.
    /// - Throws: ``Problem`` 400 `invalid_query` when it is not a whole number in the range.
    func number(_ name: String, in range: ClosedRange<UInt64>) throws -> UInt64? {
        guard let text = text(name) else { return nil }
        guard let value = UInt64(text), range.contains(value) else {
            throw Problem(
                .badRequest,
                code: "invalid_query",
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(text)",
                field: name
            )
        }
        return value
    }
}
