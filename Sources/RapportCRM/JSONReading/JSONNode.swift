/// One value of a checked JSON text, kept where the text holds it rather than copied out.
///
/// A document's nodes are in the text's order: an object's node is followed by its fields, each a key's node and
/// then the nodes of its value; an array's node by its elements. ``next`` skips a value with everything inside it.
struct JSONNode {
    /// What kind of value a node is.
    enum Kind: UInt8 {
        case object, array, string, escapedString, number, `true`, `false`, null
    }

    /// The value's kind; `escapedString` is a string holding backslash escapes.
    var kind: Kind
    /// The offset of a string's first byte after its opening quote, or of any other value's first byte.
    var start: Int
    /// The offset of a string's closing quote, or just past any other value's last byte.
    var end: Int
    /// The fields of an object, or the elements of an array; zero for any other value.
    var count = 0
    /// The index of the node after this value and all it holds.
    var next = 0
}

/// The key nodes of an object's fields, in the text's order: the field after a key starts at the node after its
/// value's.
///
/// It looks at a value's nodes only to step past it to the next field, so it can go through the fields of an object
/// still being read, up to the key read last.
struct JSONFieldKeys: Sequence, IteratorProtocol {
    private let nodes: [JSONNode]
    private var key: Int
    private var remaining: Int

    /// The fields of the object at a node.
    ///
    /// - Parameters:
    ///   - object: The object's node.
    ///   - nodes: The nodes of its text.
    init(of object: Int, in nodes: [JSONNode]) {
        self.nodes = nodes
        key = object + 1
        remaining = nodes[object].count
    }

    mutating func next() -> Int? {
        guard remaining > 0 else { return nil }
        let current = key
        remaining -= 1
        if remaining > 0 { key = nodes[current + 1].next }
        return current
    }
}
