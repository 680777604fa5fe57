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
    private let slots: [UInt64: Int]
    private let names: [[UInt8]]

    init(_ entries: [Entry]) {
        var slots: [UInt64: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let previous = slots.updateValue(index, forKey: Self.hash(Array(entry.name.utf8)))
            precondition(previous == nil, "two event types share the name or hash of \(entry.name)")
        }
        self.entries = entries
        self.slots = slots
        self.names = entries.map { Array($0.name.utf8) }
    }

    /// The entry whose name is exactly these bytes.
    func entry(named bytes: UnsafeRawBufferPointer) -> Entry? {
        guard let index = slots[Self.hash(bytes)], names[index].elementsEqual(bytes) else { return nil }
        return entries[index]
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
