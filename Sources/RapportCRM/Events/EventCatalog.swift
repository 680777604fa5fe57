#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every event type's name and how to read it, looked up straight from the bytes of a record's type field,
/// without making a string, so replay does not allocate to find an event's type.
struct EventCatalog: Sendable {
    /// One event type.
    struct Entry: Sendable {
        let name: String
        let schemaVersion: Int
        let decode: @Sendable (inout ByteReader, Int) throws(BinaryFormatError) -> CRMEvent

        /// An entry for a payload type and the case of ``CRMEvent`` that wraps it.
        init<Payload: EventPayload>(_ type: Payload.Type, _ wrap: @escaping @Sendable (Payload) -> CRMEvent) {
            name = Payload.eventType
            schemaVersion = Payload.schemaVersion
            decode = { (reader: inout ByteReader, version: Int) throws(BinaryFormatError) -> CRMEvent in
                let payload = try Payload(from: &reader, schemaVersion: version)
                guard reader.isAtEnd else {
                    throw BinaryFormatError("\(Payload.eventType) payload has bytes after its last field")
                }
                return wrap(payload)
            }
        }
    }

    /// A payload reader in a struct of its own: a closure kept straight in an array is stored in the array's
    /// generic form, and every call through it then goes through a thunk that copies the whole event once more.
    private struct Decoder: Sendable {
        let decode: @Sendable (inout ByteReader, Int) throws(BinaryFormatError) -> CRMEvent
    }

    let entries: [Entry]
    private let decoders: [Decoder]
    /// Every entry's name in UTF-8, one after another, in entry order.
    private let nameBytes: [UInt8]
    /// Where each entry's name starts in ``nameBytes``, and where the last one ends.
    private let nameStarts: [Int]
    private let keys: [UInt64]
    /// Open addressing over a power-of-two table: each slot holds an entry's index plus one, or 0 when empty.
    /// A plain array, because a dictionary would hash the key again on every lookup.
    private let slots: [Int32]

    init(_ entries: [Entry]) {
        let names = entries.map { Array($0.name.utf8) }
        let keys = names.map { name in name.withUnsafeBytes(\.endsHash) }
        precondition(Set(keys).count == keys.count, "two event types share a name or its lookup key")
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.entries = entries
        self.decoders = entries.map { Decoder(decode: $0.decode) }
        self.nameBytes = names.flatMap { $0 }
        self.nameStarts = names.reduce(into: [0]) { starts, name in starts.append(starts.last! + name.count) }
        self.keys = keys
        self.slots = slots
    }

    /// The index of the entry whose name is exactly these bytes.
    func index(named bytes: UnsafeRawBufferPointer) -> Int? {
        let key = bytes.endsHash
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if keys[index] == key, nameMatches(index, bytes) {
                return index
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Whether the entry at `index` has exactly these bytes as its name; one memcmp, since every event's type is
    /// looked up here.
    private func nameMatches(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = nameStarts[index]
        guard nameStarts[index + 1] - start == bytes.count, let base = bytes.baseAddress else { return false }
        return nameBytes.withUnsafeBytes { memcmp($0.baseAddress! + start, base, bytes.count) == 0 }
    }

    /// Reads the payload of the entry at `index`, which must end where the payload's last field does.
    @inline(__always)
    func decode(_ index: Int, from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError) -> CRMEvent {
        try decoders[index].decode(&reader, schemaVersion)
    }
}
