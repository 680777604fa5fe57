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
