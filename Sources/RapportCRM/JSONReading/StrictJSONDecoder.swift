import Foundation

/// A decoder of one value of a checked ``JSONDocument`` that refuses what a lenient decoder lets through: a field
/// no coding key names, a field a type names but never reads (through its ``FieldLedger``), a value of the wrong
/// kind and a number out of its type's range, each with the field's JSON path.
///
/// Each decoder is also a link of its value's coding path, made into an array only when a refusal names it.
final class StrictJSONDecoder: Decoder {
    /// The document read.
    let document: JSONDocument
    /// The value's node.
    let node: Int
    /// Where the objects read are noted.
    let ledger: FieldLedger
    /// The decoder of the object or array holding the value; nil at the document's top.
    private let parent: StrictJSONDecoder?
    /// The value's key in its parent.
    private let key: (any CodingKey)?

    /// Creates a decoder of the value at a node, at the top of the coding path.
    ///
    /// - Parameters:
    ///   - document: The document read.
    ///   - node: The value's node.
    ///   - ledger: Where the objects read are noted.
    init(_ document: JSONDocument, node: Int, ledger: FieldLedger) {
        self.document = document
        self.node = node
        self.ledger = ledger
        parent = nil
        key = nil
    }

    /// Creates a decoder of a value inside an object or an array.
    ///
    /// - Parameters:
    ///   - node: The value's node.
    ///   - key: Its field's key or its index.
    ///   - parent: The decoder of the object or array holding it.
    ///   - ledger: Where the objects read are noted.
    init(_ node: Int, key: any CodingKey, in parent: StrictJSONDecoder, ledger: FieldLedger) {
        document = parent.document
        self.node = node
        self.ledger = ledger
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var link: StrictJSONDecoder? = self
        while let decoder = link, let key = decoder.key {
            keys.append(key)
            link = decoder.parent
        }
        return keys.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.object, "an object")
        ledger.note(self, keys: type)
        return KeyedDecodingContainer(StrictKeyedContainer<Key>(object: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.array, "an array")
        return StrictUnkeyedContainer(array: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        StrictSingleValueContainer(value: self)
    }

    /// A decoder of the same value whose objects are noted in another ledger: the `data` of a command, whose
    /// fields belong to the command's type rather than to the envelope.
    func noting(in ledger: FieldLedger) -> StrictJSONDecoder {
        guard let parent, let key else { return StrictJSONDecoder(document, node: node, ledger: ledger) }
        return StrictJSONDecoder(node, key: key, in: parent, ledger: ledger)
    }

    /// The decoder of a field of this object, noted as read; nil when the object has no such field.
    func field(_ key: some CodingKey) -> StrictJSONDecoder? {
        document.value(named: key.stringValue, in: node).map {
            StrictJSONDecoder($0, key: key, in: self, ledger: ledger)
        }
    }

    /// Reads a value, refusing every field of the objects read that no type looked for (``FieldLedger``).
    ///
    /// - Returns: The value.
    /// - Throws: ``DomainError`` `unknown_field`, or what reading the value throws.
    func decodeEveryField<T: Decodable>(_ type: T.Type) throws -> T {
        try ledger.reading { try T(from: self) }
    }

    /// Reads the value as a type: JSON scalars from the node itself, other types through their containers.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Money.self, let money = document.money(at: node) { return money as! T }
        if type == Decimal.self { return try document.decimal(node, at: codingPath) as! T }
        if type == String.self { return try document.string(node, at: codingPath) as! T }
        if type == Bool.self { return try document.bool(node, at: codingPath) as! T }
        if let integer = type as? any FixedWidthInteger.Type { return try decodeInteger(integer) as! T }
        if let number = type as? any (BinaryFloatingPoint & LosslessStringConvertible).Type {
            return try decodeFloatingPoint(number) as! T
        }
        return try T(from: self)
    }

    private func decodeInteger<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
        try document.integer(type, node, at: codingPath)
    }

    private func decodeFloatingPoint<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ type: Number.Type
    ) throws -> Number {
        try document.floatingPoint(type, node, at: codingPath)
    }

    /// Refuses a value of another kind than a container expected, with the field's path.
    private func expect(_ kind: JSONNode.Kind, _ description: String) throws {
        guard document.nodes[node].kind != kind else { return }
        let path = JSONPath(codingPath)
        throw DomainError(.invalidField, field: path, "\(path.isEmpty ? ledger.subject : path) must be \(description)")
    }
}
