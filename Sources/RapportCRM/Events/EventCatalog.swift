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
                wrap(try Payload(from: &reader, schemaVersion: version))
            }
        }
    }

    let entries: [Entry]
    private let names: [[UInt8]]
    private let hashes: [UInt64]
    /// Open addressing over a power-of-two table: each slot holds an entry's index plus one, or 0 when empty.
    /// A plain array, because a dictionary would hash the hash again on every lookup.
    private let slots: [Int32]

    init(_ entries: [Entry]) {
        let names = entries.map { Array($0.name.utf8) }
        let hashes = names.map(Self.hash)
        precondition(Set(hashes).count == hashes.count, "two event types share a name or its hash")
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.entries = entries
        self.names = names
        self.hashes = hashes
        self.slots = slots
    }

    /// The entry whose name is exactly these bytes.
    func entry(named bytes: UnsafeRawBufferPointer) -> Entry? {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if hashes[index] == hash, names[index].elementsEqual(bytes) {
                return entries[index]
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a, 64 bits: enough to tell a few dozen names apart, checked for collisions at start-up.
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
