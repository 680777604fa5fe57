/// The objects a value was read from, so that a field present in the input that no type looked for is refused.
///
/// Synthesized `Decodable` code ignores fields it does not know, so a misspelled optional field (`"amout"`)
/// would be dropped without a word. A field no coding key of its object names is refused before anything read
/// after the object was opened could fail, as if it had been checked on opening; a field a type names but never
/// reads is refused once the value is read.
final class FieldLedger {
    /// What the fields belong to in refusals, e.g. `OpenAccount` or `a command`.
    let subject: String
    /// Each object opened, with the coding keys it was opened with, in the order of opening.
    private var openings: [(object: StrictJSONDecoder, keys: any CodingKey.Type)] = []

    init(subject: String) {
        self.subject = subject
    }

    /// Notes an object opened for reading with a type of coding keys.
    func note(_ object: StrictJSONDecoder, keys: any CodingKey.Type) {
        openings.append((object, keys))
    }

    /// Reads a value, refusing every field present that no type looked for.
    ///
    /// - Parameter read: Reads the value; the objects it opens are noted here.
    /// - Returns: The value.
    /// - Throws: ``DomainError`` `unknown_field` naming the first field, in the order the objects were opened, that
    ///   no coding key names, in place of what reading threw; else what reading threw; else `unknown_field` naming
    ///   the first field present that no type read, in path order.
    func reading<T>(_ read: () throws -> T) throws -> T {
        let value: T
        do {
            value = try read()
        } catch {
            throw firstFieldOfNoKey() ?? error
        }
        if let refusal = firstFieldOfNoKey() ?? firstUnreadField() { throw refusal }
        return value
    }

    /// The refusal of a field that is not one of the subject's.
    func unknownField(_ field: String, known: [String]?) -> DomainError {
        let list = known.map { "; it has " + $0.joined(separator: ", ") } ?? ""
        return DomainError(.unknownField, field: field, "\(field) is not a field of \(subject)\(list)")
    }

    /// The refusal of the first field, in the order the objects were opened and then by name, that no coding key
    /// of its object names.
    private func firstFieldOfNoKey() -> DomainError? {
        for (object, keys) in openings where object.document.hasUnreadField(in: object.node) {
            if let field = object.document.unreadFields(of: object.node).first(where: {
                keys.init(stringValue: $0) == nil
            }) {
                let known = (keys as? any (CodingKey & CaseIterable).Type).map { Self.names($0) }
                return unknownField(JSONPath(JSONPath(object.codingPath), field: field), known: known)
            }
        }
        return nil
    }

    /// The refusal of the first field present that no type read, in path order and then by name.
    private func firstUnreadField() -> DomainError? {
        openings.lazy
            .filter { $0.object.document.hasUnreadField(in: $0.object.node) }
            .compactMap { opening in
                opening.object.document.unreadFields(of: opening.object.node).first.map {
                    (JSONPath(opening.object.codingPath), $0)
                }
            }
            .min { $0.0 < $1.0 }
            .map { unknownField(JSONPath($0.0, field: $0.1), known: nil) }
    }

    private static func names<Key: CodingKey & CaseIterable>(_ type: Key.Type) -> [String] {
        Key.allCases.map(\.stringValue)
    }
}
