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

    /// A subject's slot number, and whether its key was destroyed.
    private struct Slot: Sendable {
        let number: Int
        var isDestroyed: Bool
    }

    /// The subjects and their slots.
    private var slotsBySubject: [String: Slot] = [:]
    /// Every slot's key, by slot number; all zeros for a destroyed one. Shared between copies of the table until
    /// one of them changes.
    private var keys: SubjectKeyBytes
    /// How many slots the table holds.
    private(set) var slotCount = 0
    /// How many subjects have a key.
    private(set) var liveCount = 0

    /// Creates an empty table.
    ///
    /// - Parameter capacity: The number of subjects to make room for, so that loading a large store does not
    ///   grow the table again and again.
    init(capacity: Int = 0) {
        slotsBySubject.reserveCapacity(capacity)
        keys = SubjectKeyBytes(capacity: capacity)
    }

    /// How many subjects had their key destroyed (tombstones included).
    var destroyedCount: Int { slotCount - liveCount }

    /// The slot of a subject.
    ///
    /// - Parameter subject: The data subject.
    /// - Returns: Its entry, or `nil` when it has no slot.
    subscript(subject: String) -> Entry? {
        guard let slot = slotsBySubject[subject] else { return nil }
        return Entry(slot: slot.number, key: slot.isDestroyed ? nil : keys.key(at: slot.number))
    }

    /// Adds a slot after the last one.
    ///
    /// - Parameter slot: The new slot.
    /// - Returns: `false`, changing nothing, when the subject already has a slot.
    @discardableResult
    mutating func append(_ slot: SubjectKeySlot) -> Bool {
        guard claimSlot(for: slot.subject, isDestroyed: slot.key == nil) else { return false }
        keys.append(slot.key)
        return true
    }

    /// Adds a slot after the last one from a key's bytes, without making a key of them.
    ///
    /// - Parameters:
    ///   - subject: The slot's subject.
    ///   - key: The key's 32 bytes, or `nil` for a destroyed key.
    /// - Returns: `false`, changing nothing, when the subject already has a slot.
    mutating func append(subject: String, key: UnsafeRawBufferPointer?) -> Bool {
        guard claimSlot(for: subject, isDestroyed: key == nil) else { return false }
        keys.append(key)
        return true
    }

    /// Gives a subject the next slot, unless it has one; the caller then adds the slot's key.
    private mutating func claimSlot(for subject: String, isDestroyed: Bool) -> Bool {
        // One lookup for the common case, a new subject; a subject already held is put back as it was.
        if let held = slotsBySubject.updateValue(Slot(number: slotCount, isDestroyed: isDestroyed), forKey: subject) {
            slotsBySubject[subject] = held
            return false
        }
        if !isKnownUniquelyReferenced(&keys) { keys = keys.copy() }
        slotCount += 1
        if !isDestroyed { liveCount += 1 }
        return true
    }

    /// Marks a subject's key destroyed, overwriting the key in memory.
    ///
    /// - Parameter subject: A subject that has a slot holding a key.
    mutating func markDestroyed(_ subject: String) {
        guard let slot = slotsBySubject[subject], !slot.isDestroyed else { return }
        if !isKnownUniquelyReferenced(&keys) { keys = keys.copy() }
        keys.erase(at: slot.number)
        slotsBySubject[subject]?.isDestroyed = true
        liveCount -= 1
    }

    /// Every slot, in file order.
    var slots: [SubjectKeySlot] {
        slotsBySubject.sorted { $0.value.number < $1.value.number }.map { subject, slot in
            SubjectKeySlot(subject: subject, key: slot.isDestroyed ? nil : keys.key(at: slot.number))
        }
    }

    /// The bytes of a key store file holding this table: the header, then every slot in order.
    var fileBytes: [UInt8] {
        var bytes = SubjectKeyFile.header
        bytes.reserveCapacity(SubjectKeyFile.offset(ofSlot: slotCount))
        for slot in slots { bytes.append(contentsOf: slot.bytes) }
        return bytes
    }
}
