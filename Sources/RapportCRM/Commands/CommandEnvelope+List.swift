public import Foundation

extension CommandEnvelope {
    /// Reads a JSON array of commands, each checked as strictly as ``decode(json:)`` checks one.
    ///
    /// Every element is read before any is run, so a malformed list is refused as a whole.
    ///
    /// - Parameter json: The array's JSON text.
    /// - Returns: The commands, in order.
    /// - Throws: ``DomainError`` as ``decode(json:)`` does, with the element's index leading its field
    ///   (`[2].data.amount`), or `malformed_command` when the text is not an array of objects.
    public static func decodeList(json: Data) throws -> [CommandEnvelope] {
        let elements = try json.withUnsafeBytes { bytes throws(DomainError) in try JSONSyntax.arrayElements(bytes) }
        var envelopes: [CommandEnvelope] = []
        envelopes.reserveCapacity(elements.count)
        for (index, range) in elements.enumerated() {
            do {
                envelopes.append(
                    try decode(json: json[(json.startIndex + range.lowerBound)..<(json.startIndex + range.upperBound)])
                )
            } catch var refusal as DomainError {
                refusal.field = "[\(index)]" + (refusal.field.map { "." + $0 } ?? "")
                refusal.message = "command \(index) of the list: " + refusal.message
                throw refusal
            }
        }
        return envelopes
    }
}
