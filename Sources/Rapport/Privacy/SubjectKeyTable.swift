import Crypto

/// The slots of a key store in memory: for each data subject its slot number and its key, or that the key was
/// destroyed.
///
/// Slots are numbered from 0 in file order and every subject has exactly one, so the table's slots are always
/// `0..<slotCount` and the next slot appended is number `slotCount`.
struct SubjectKeyTable: Sendable {
    /// One subject's slot.
    struct Entry: Sendable {
        /// The slot's number in the file.
        let slot: Int
        /// The subject's key, or `nil` once it was destroyed.
        var key: SymmetricKey?
    }

    /// The subjects and their slots.
    private(set) var entries: [String: Entry] = [:]
    /// How many slots the table holds.
    private(set) var slotCount = 0
    /// How many subjects have a key.
    private(set) var liveCount = 0

    /// Creates an empty table.
    ///
    /// - Parameter capacity: The number of subjects to make room for, so that loading a large store does not
    ///   grow the table again and again.
    init(capacity: Int = 0) {
        entries.reserveCapacity(capacity)
    }

    /// How many subjects had their key destroyed (tombstones included).
    var destroyedCount: Int { slotCount - liveCount }

    /// The slot of a subject.
    ///
    /// - Parameter subject: The data subject.
    /// - Returns: Its entry, or `nil` when it has no slot.
    subscript(subject: String) -> Entry? {
        entries[subject]
    }

    /// Adds a slot after the last one.
    ///
    /// - Parameter slot: The new slot.
    /// - Returns: `false`, changing nothing, when the subject already has a slot.
    @discardableResult
    mutating func append(_ slot: SubjectKeySlot) -> Bool {
        // One lookup for the common case, a new subject; a subject already held is put back as it was.
        if let held = entries.updateValue(Entry(slot: slotCount, key: slot.key), forKey: slot.subject) {
            entries[slot.subject] = held
            return false
        }
        slotCount += 1
        if slot.key != nil { liveCount += 1 }
        return true
    }

    /// Marks a subject's key destroyed, releasing the key from memory.
    ///
    /// - Parameter subject: A subject that has a slot holding a key.
    mutating func markDestroyed(_ subject: String) {
        guard let entry = entries[subject], entry.key != nil else { return }
        entries[subject]?.key = nil
        liveCount -= 1
    }

    /// Every slot, in file order.
    var slots: [SubjectKeySlot] {
        entries.sorted { $0.value.slot < $1.value.slot }.map { SubjectKeySlot(subject: $0.key, key: $0.value.key) }
    }

    /// The bytes of a key store file holding this table: the header, then every slot in order.
    var fileBytes: [UInt8] {
        var bytes = SubjectKeyFile.header
        bytes.reserveCapacity(SubjectKeyFile.offset(ofSlot: slotCount))
        for slot in slots { bytes.append(contentsOf: slot.bytes) }
        return bytes
    }
}
