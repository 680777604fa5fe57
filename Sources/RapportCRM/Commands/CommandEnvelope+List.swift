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
        try json.withUnsafeBytes { bytes in
            let document = JSONDocument(bytes, nodes: try JSONSyntax.arrayOfObjects(bytes))
            var envelopes: [CommandEnvelope] = []
            envelopes.reserveCapacity(document.nodes[0].count)
            var object = 1
            for index in 0..<document.nodes[0].count {
                do {
                    try checkSize(document.nodes[object].end - document.nodes[object].start)
                    envelopes.append(try decode(object: object, of: document))
                } catch var refusal as DomainError {
                    refusal.field = "[\(index)]" + (refusal.field.map { "." + $0 } ?? "")
                    refusal.message = "command \(index) of the list: " + refusal.message
                    throw refusal
                }
                object = document.nodes[object].next
            }
            return envelopes
        }
    }
}
