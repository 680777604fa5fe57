#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let left = lhs.id.utf8
        let right = rhs.id.utf8
        guard left.count == right.count else { return false }
        // Every lookup of the stream index ends here, once per record on the writer's path: native strings keep
        // their UTF-8 in one piece, which one memcmp compares far faster than walking the two views byte by byte.
        let compared = left.withContiguousStorageIfAvailable { leftBytes in
            right.withContiguousStorageIfAvailable { rightBytes in
                guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else { return true }
                return memcmp(leftBase, rightBase, leftBytes.count) == 0
            }
        }
        return (compared ?? nil) ?? left.elementsEqual(right)
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
