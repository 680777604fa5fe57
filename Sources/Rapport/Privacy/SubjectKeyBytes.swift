import Crypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keys of a key store's slots, 32 bytes each in slot order, in one block of memory that is overwritten with
/// zeros before it is freed or outgrown, as each key's own storage would be: no key lingers in freed memory.
///
/// One block for every key, rather than a `SymmetricKey` each, because a large store holds hundreds of thousands
/// of keys: each of its own was an allocation when the store was read, and about 80 bytes of memory. A key is made
/// a `SymmetricKey` only when it is looked up. Written here because an array cannot be wiped when it grows: it
/// frees its old storage as it is.
///
/// A class, so that its memory is wiped when the last table holding it goes; tables copy it before changing one
/// they share (``SubjectKeyTable``), so it is changed by one owner at a time, under the key store's lock.
final class SubjectKeyBytes: @unchecked Sendable {
    /// A key's length in bytes.
    static let keyLength = SubjectKeySlot.keyLength

    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    /// How many keys are held, destroyed ones (all zeros) included.
    private(set) var count = 0

    /// Creates an empty block with room for some keys.
    ///
    /// - Parameter capacity: The number of keys to make room for.
    init(capacity: Int = 0) {
        self.capacity = max(capacity, 16)
        storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity * Self.keyLength, alignment: 16)
    }

    deinit {
        // Only the keys added were ever written: the room after them, which a file's claimed size may make far
        // larger than the store, is left untouched rather than paged in to be zeroed.
        Self.wipe(storage, byteCount: count * Self.keyLength)
        storage.deallocate()
    }

    /// A block holding the same keys, for a table that is about to change a block it shares.
    func copy() -> SubjectKeyBytes {
        let copy = SubjectKeyBytes(capacity: count)
        copy.storage.copyMemory(from: storage, byteCount: count * Self.keyLength)
        copy.count = count
        return copy
    }

    /// Adds a key after the last one.
    ///
    /// - Parameter key: The key's 32 bytes, or `nil` for a destroyed key (zeros).
    func append(_ key: UnsafeRawBufferPointer?) {
        precondition(key == nil || key?.count == Self.keyLength, "a key is \(Self.keyLength) bytes")
        if count == capacity { grow() }
        let target = storage + count * Self.keyLength
        if let key, let source = key.baseAddress {
            target.copyMemory(from: source, byteCount: Self.keyLength)
        } else {
            target.initializeMemory(as: UInt8.self, repeating: 0, count: Self.keyLength)
        }
        count += 1
    }

    /// Adds a key after the last one.
    ///
    /// - Parameter key: The key, or `nil` for a destroyed one.
    func append(_ key: SymmetricKey?) {
        guard let key else { return append(UnsafeRawBufferPointer?.none) }
        key.withUnsafeBytes { append($0) }
    }

    /// The key at an index, as a key.
    ///
    /// - Parameter index: The slot's number.
    /// - Returns: The key.
    func key(at index: Int) -> SymmetricKey {
        precondition(index < count, "slot \(index) holds a key")
        let bytes = UnsafeRawBufferPointer(start: storage + index * Self.keyLength, count: Self.keyLength)
        return SymmetricKey(data: bytes)
    }

    /// Overwrites the key at an index with zeros.
    ///
    /// - Parameter index: The slot's number.
    func erase(at index: Int) {
        precondition(index < count, "slot \(index) holds a key")
        Self.wipe(storage + index * Self.keyLength, byteCount: Self.keyLength)
    }

    /// Moves the keys to a block twice as large and wipes the old one.
    private func grow() {
        let larger = UnsafeMutableRawPointer.allocate(byteCount: 2 * capacity * Self.keyLength, alignment: 16)
        larger.copyMemory(from: storage, byteCount: count * Self.keyLength)
        Self.wipe(storage, byteCount: count * Self.keyLength)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    /// Overwrites memory with zeros in a way the compiler does not drop, even right before the memory is freed.
    private static func wipe(_ memory: UnsafeMutableRawPointer, byteCount: Int) {
        #if canImport(Glibc)
        explicit_bzero(memory, byteCount)
        #else
        _ = memset_s(memory, byteCount, 0, byteCount)
        #endif
    }
}
