#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The short strings one thread read last from binary forms, kept by their UTF-8 bytes, so that a value that recurs
/// from event to event (an actor, a stage, an owner, a subject) is made once and then shared, instead of being
/// validated, built and, past 15 bytes, allocated again each time.
///
/// A direct-mapped table: each string up to ``longest`` bytes has one slot, chosen from its bytes, and a newer
/// string there replaces the older one. A string read is always equal to `String(decoding:as:)` of its bytes, since
/// that is what a slot holds for those bytes. Each thread has a table of its own, so nothing is shared or locked.
/// Written here because neither the standard library nor the packages the domain may use keep such a cache.
enum RecentStrings {
    /// The longest string, in bytes, the table keeps.
    static let longest = 32
    /// The number of slots, a power of two.
    static let slotCount = 1024

    /// One slot: the bytes' length and contents as four words (see ``key(_:)``), and the string they make.
    fileprivate struct Slot {
        var length = -1
        var key: Key = (0, 0, 0, 0)
        var string = ""
    }

    /// A string's bytes, zero-extended: with the length, they tell every string of up to ``longest`` bytes apart.
    fileprivate typealias Key = (UInt64, UInt64, UInt64, UInt64)

    /// The string these UTF-8 bytes make, invalid sequences repaired, from the calling thread's table when it holds
    /// them and kept there when it does not.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: The string, equal to `String(decoding: bytes, as: UTF8.self)`.
    @inline(__always)
    static func string(decoding bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count <= longest, let slots = slotsOfThisThread() else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let (slot, key, holdsIt) = lookUp(bytes, in: slots)
        if holdsIt { return slot.pointee.string }
        let string = String(decoding: bytes, as: UTF8.self)
        slot.pointee.length = bytes.count
        slot.pointee.key = key
        slot.pointee.string = string
        return string
    }

    /// Whether the calling thread's table holds the string these bytes make: what a reader that must not keep a
    /// value can be checked against.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: `true` when the next ``string(decoding:)`` of these bytes would come from the table.
    static func holds(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= longest, let slots = slotsOfThisThread() else { return false }
        return lookUp(bytes, in: slots).holdsIt
    }

    /// The slot for these bytes, their key, and whether the slot holds their string now.
    @inline(__always)
    private static func lookUp(
        _ bytes: UnsafeRawBufferPointer,
        in slots: UnsafeMutablePointer<Slot>
    ) -> (slot: UnsafeMutablePointer<Slot>, key: Key, holdsIt: Bool) {
        let key = key(bytes)
        let slot = slots + slotIndex(key, length: bytes.count)
        return (slot, key, slot.pointee.length == bytes.count && slot.pointee.key == key)
    }

    /// The bytes as four words. Strings of 8 bytes or more are read as overlapping words from both ends (the first and
    /// last eight bytes, and past 16 bytes the eight after the first and before the last), shorter ones as one word;
    /// for a given length the words cover every byte, so equal keys mean equal bytes.
    @inline(__always)
    private static func key(_ bytes: UnsafeRawBufferPointer) -> Key {
        let count = bytes.count
        if count >= 8 {
            let first = bytes.loadUnaligned(as: UInt64.self)
            let last = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            guard count > 16 else { return (first, last, 0, 0) }
            let second = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let beforeLast = bytes.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            return (first, last, second, beforeLast)
        }
        if count >= 4 {
            let low = UInt64(bytes.loadUnaligned(as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return (low | high << 32, 0, 0, 0)
        }
        return (bytes.reduce(0) { $0 << 8 | UInt64($1) }, 0, 0, 0)
    }

    /// The slot of a key: the top bits of a multiplicative hash of its words and length.
    @inline(__always)
    private static func slotIndex(_ key: Key, length: Int) -> Int {
        let hash =
            (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (key.2 &* 0x1656_67B1_9E37_79F9)
            ^ (key.3 &* 0x27D4_EB2F_1656_67C5) ^ (UInt64(length) &* 0x85EB_CA77_C2B2_AE63)
        return Int(truncatingIfNeeded: hash >> UInt64(UInt64.bitWidth - slotCount.trailingZeroBitCount))
    }

    /// The calling thread's slots, made on first use and freed when the thread ends; `nil` when the system has no
    /// thread-specific key left to give, and strings are then made each time.
    @inline(__always)
    private static func slotsOfThisThread() -> UnsafeMutablePointer<Slot>? {
        guard let threadKey else { return nil }
        if let slots = pthread_getspecific(threadKey) {
            return slots.assumingMemoryBound(to: Slot.self)
        }
        return newSlots(for: threadKey)
    }

    private static func newSlots(for threadKey: pthread_key_t) -> UnsafeMutablePointer<Slot>? {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: slotCount)
        slots.initialize(repeating: Slot(), count: slotCount)
        guard pthread_setspecific(threadKey, slots) == 0 else {
            freeSlots(slots)
            return nil
        }
        return slots
    }

    fileprivate static func freeSlots(_ slots: UnsafeMutablePointer<Slot>) {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }
}

/// The key under which each thread keeps its slots of ``RecentStrings``; its destructor frees them when the thread
/// ends.
private let threadKey: pthread_key_t? = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { slots in
        guard let slots = slots as UnsafeMutableRawPointer? else { return }
        RecentStrings.freeSlots(slots.assumingMemoryBound(to: RecentStrings.Slot.self))
    }
    return status == 0 ? key : nil
}()
