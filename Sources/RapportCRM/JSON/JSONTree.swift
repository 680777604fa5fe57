/// A JSON value being encoded: its scalars are finished text in the ``JSONArena``, its objects and arrays are filled
/// in as the value's `encode(to:)` runs, and the whole is written once encoding is over, with each object's keys
/// sorted.
enum JSONNode {
    /// A finished scalar (string, number, boolean or null): the bytes in this range of the arena.
    case text(Range<Int>)
    /// An object.
    case object(JSONObjectNode)
    /// An array.
    case array(JSONArrayNode)
    /// The value of a super encoder, known only once the caller has used it.
    case deferred(JSONValueEncoder)
}

/// The members of a JSON object, in the order they were encoded.
final class JSONObjectNode {
    /// The members; a key encoded twice (the same UTF-8 bytes) keeps its last value, as with `JSONEncoder`.
    var members: [(key: String, value: JSONNode)]

    /// Creates an empty object, with room for the members of the largest event payload so that filling it does not
    /// grow the list again and again.
    init() {
        members = []
        members.reserveCapacity(16)
    }
}

/// The elements of a JSON array, in order.
final class JSONArrayNode {
    /// The elements.
    var elements: [JSONNode] = []
}

/// The bytes of every scalar of one encoding, appended as they are encoded.
final class JSONArena {
    /// The scalars' text, back to back.
    var bytes: [UInt8]

    /// Creates an empty arena, with room for the scalars of a typical event payload.
    init() {
        bytes = []
        bytes.reserveCapacity(512)
    }

    /// Runs `write` to append one scalar and returns its node.
    ///
    /// - Parameter write: Appends the scalar's JSON text.
    /// - Returns: The scalar's node.
    func scalar(_ write: (inout [UInt8]) -> Void) -> JSONNode {
        let start = bytes.count
        write(&bytes)
        return .text(start..<bytes.count)
    }

    /// Appends a finished tree as compact JSON with sorted keys.
    ///
    /// Keys are sorted by their UTF-8 bytes, the order `JSONEncoder` uses for `.sortedKeys`.
    ///
    /// - Parameters:
    ///   - node: The tree.
    ///   - output: Where to write.
    func write(_ node: JSONNode, to output: inout [UInt8]) {
        switch node {
        case .text(let range):
            bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        case .object(let object):
            writeObject(object.members, to: &output)
        case .array(let array):
            output.append(UInt8(ascii: "["))
            for (index, element) in array.elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .deferred(let encoder):
            write(encoder.value ?? .object(JSONObjectNode()), to: &output)
        }
    }

    private func writeObject(_ members: [(key: String, value: JSONNode)], to output: inout [UInt8]) {
        let order = members.indices.sorted { left, right in
            let leftKey = members[left].key.utf8
            let rightKey = members[right].key.utf8
            if leftKey.elementsEqual(rightKey) { return left < right }
            return leftKey.lexicographicallyPrecedes(rightKey)
        }
        output.append(UInt8(ascii: "{"))
        var first = true
        for (rank, index) in order.enumerated() {
            let isOverwritten =
                rank + 1 < order.count && members[order[rank + 1]].key.utf8.elementsEqual(members[index].key.utf8)
            if isOverwritten { continue }
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            JSONText.appendString(members[index].key, to: &output)
            output.append(UInt8(ascii: ":"))
            write(members[index].value, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}
