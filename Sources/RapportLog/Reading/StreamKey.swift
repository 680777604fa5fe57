/// A stream id as a dictionary key, equal to another only when their UTF-8 bytes are equal.
///
/// Swift strings compare by canonical equivalence, so `"é"` (one scalar) equals `"e\u{301}"` (two); stream ids
/// are opaque names compared byte for byte (docs/LOG-FORMAT.md), so those are two different streams.
struct StreamKey: Hashable, Sendable {
    /// The stream id.
    let id: String

    init(_ id: String) {
        self.id = id
    }

    static func == (lhs: StreamKey, rhs: StreamKey) -> Bool {
        lhs.id.utf8.elementsEqual(rhs.id.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashedContiguously: Void? = id.utf8.withContiguousStorageIfAvailable { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
        if hashedContiguously == nil {
            Array(id.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
