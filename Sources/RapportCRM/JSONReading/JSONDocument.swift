import Foundation

/// A checked JSON text and its nodes, which ``StrictJSONDecoder`` reads values from without copying the text, and
/// which notes the fields read so that a field no type reads can be refused.
///
/// It points into the text's bytes: it is made and used inside one `withUnsafeBytes` of the text and never kept.
final class JSONDocument {
    /// The text.
    let bytes: UnsafeRawBufferPointer
    /// Its values, in the text's order.
    let nodes: [JSONNode]
    /// Whether each node, when it is an object's key, was looked for by a type.
    private var read: [Bool]

    /// Creates a document of a text checked by ``JSONSyntax``.
    ///
    /// - Parameters:
    ///   - bytes: The text.
    ///   - nodes: The nodes that ``JSONSyntax`` read from it.
    init(_ bytes: UnsafeRawBufferPointer, nodes: [JSONNode]) {
        self.bytes = bytes
        self.nodes = nodes
        read = Array(repeating: false, count: nodes.count)
    }

    /// The text of the string at a node.
    func string(at index: Int) -> String {
        let node = nodes[index]
        guard node.kind == .escapedString else {
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[node.start..<node.end]), as: UTF8.self)
        }
        return String(decoding: JSONSyntax.text(of: node, in: bytes), as: UTF8.self)
    }

    /// The key nodes of an object's fields, in the text's order.
    func keys(of object: Int) -> JSONFieldKeys {
        JSONFieldKeys(of: object, in: nodes)
    }

    /// Finds an object's field by its name and notes it read.
    ///
    /// An object has a handful of fields, so comparing each name's bytes finds one sooner than hashing would.
    ///
    /// - Parameters:
    ///   - name: The field's name.
    ///   - object: The object's node.
    /// - Returns: The node of the field's value, or nil when the object has no such field.
    func value(named name: String, in object: Int) -> Int? {
        var name = name
        return name.withUTF8 { name in
            for key in keys(of: object) where isKey(key, named: name) {
                read[key] = true
                return key + 1
            }
            return nil
        }
    }

    /// The names of an object's fields that no type looked for, in name order.
    func unreadFields(of object: Int) -> [String] {
        keys(of: object).filter { !read[$0] }.map { string(at: $0) }.sorted()
    }

    /// Whether any of an object's fields was not looked for.
    func hasUnreadField(in object: Int) -> Bool {
        keys(of: object).contains { !read[$0] }
    }

    private func isKey(_ index: Int, named name: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = nodes[index]
        guard node.kind == .string else { return Array(string(at: index).utf8).elementsEqual(name) }
        guard node.end - node.start == name.count else { return false }
        return name.isEmpty || memcmp(bytes.baseAddress! + node.start, name.baseAddress!, name.count) == 0
    }
}
