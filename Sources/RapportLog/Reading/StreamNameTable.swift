#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The streams' names by slot, and the slot of each name, in three flat arrays: every name's UTF-8 one after
/// another, where each ends, and an open-addressing table from a name's hash to its slot.
///
/// A log has millions of streams, and opening reads every name from a checkpoint. A string and a dictionary entry
/// per stream cost two heap objects each to build, to hash and to free; these arrays cost none. Written here
/// because no collection at hand maps byte strings to numbers without an object per key. Names compare byte for
/// byte, as ``StreamKey`` says why.
struct StreamNameTable: Sendable {
    /// Every name's UTF-8, by slot, one after another.
    private var bytes: [UInt8] = []
    /// The end of each slot's name in ``bytes``.
    private var ends: [Int] = []
    /// Linear probing over a power-of-two table. An entry holds the upper half of the name's hash in its upper
    /// half and the slot plus one in its lower half; 0 is empty. The hash's upper half also picks the first entry
    /// tried, so that growing the table needs no name hashed again.
    private var table: [UInt64]

    /// Creates an empty table with room for some names.
    ///
    /// - Parameters:
    ///   - capacity: The number of names to make room for.
    ///   - byteCapacity: The total UTF-8 length to make room for.
    init(capacity: Int = 0, byteCapacity: Int = 0) {
        bytes.reserveCapacity(byteCapacity)
        ends.reserveCapacity(capacity)
        table = Array(repeating: 0, count: Self.tableSize(for: capacity))
    }

    /// The number of names.
    var count: Int { ends.count }

    /// The name in `slot`.
    func name(ofSlot slot: Int) -> String {
        withName(ofSlot: slot) { String(decoding: $0, as: UTF8.self) }
    }

    /// Lets `body` see the UTF-8 of the name in `slot`.
    func withName<Result>(ofSlot slot: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = slot == 0 ? 0 : ends[slot - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[slot]])) }
    }

    /// The slot of a name, or `nil` when the table does not hold it.
    func slot(of name: String) -> Int? {
        Self.withUTF8(of: name) { slot(of: $0) }
    }

    /// The slot of a name given as UTF-8, or `nil` when the table does not hold it.
    func slot(of name: UnsafeRawBufferPointer) -> Int? {
        find(name, hash: Self.hash(name)).slot
    }

    /// Adds a name the table does not hold yet.
    ///
    /// - Parameter name: The name.
    /// - Returns: Its slot, the count before the call.
    @discardableResult
    mutating func append(_ name: String) -> Int {
        let (slot, inserted) = Self.withUTF8(of: name) { insert($0) }
        precondition(inserted, "stream \(name) is in the table already")
        return slot
    }

    /// Finds a name given as UTF-8, adding it when the table does not hold it yet; one lookup either way.
    ///
    /// - Parameter name: The name.
    /// - Returns: Its slot, and whether it was added by this call (its slot is then the count before the call).
    mutating func insert(_ name: UnsafeRawBufferPointer) -> (slot: Int, inserted: Bool) {
        let hash = Self.hash(name)
        let (entry, existing) = find(name, hash: hash)
        if let existing { return (existing, false) }
        let slot = ends.count
        precondition(slot < Int(UInt32.max - 1), "more streams than a slot number can hold")
        bytes.append(contentsOf: name)
        ends.append(bytes.count)
        table[entry] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(slot + 1)
        if count * 10 > table.count * 7 { grow() }
        return (slot, true)
    }

    /// Removes the newest name.
    mutating func removeLast() {
        guard let slot = ends.indices.last else { preconditionFailure("no stream to remove") }
        let entry = withName(ofSlot: slot) { find($0, hash: Self.hash($0)).entry }
        ends.removeLast()
        bytes.removeLast(bytes.count - (ends.last ?? 0))
        vacate(entry)
    }

    /// The entry that holds a name, or the empty entry where it would go.
    private func find(_ name: UnsafeRawBufferPointer, hash: UInt64) -> (entry: Int, slot: Int?) {
        let mask = table.count - 1
        let tag = hash >> 32
        var entry = Int(truncatingIfNeeded: tag) & mask
        return table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBytes { stored in
                while true {
                    let value = table[entry]
                    if value == 0 { return (entry, nil) }
                    if value >> 32 == tag {
                        let slot = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                        let start = slot == 0 ? 0 : ends[slot - 1]
                        if ends[slot] - start == name.count,
                            name.isEmpty || memcmp(stored.baseAddress! + start, name.baseAddress!, name.count) == 0
                        {
                            return (entry, slot)
                        }
                    }
                    entry = (entry + 1) & mask
                }
            }
        }
    }

    /// Empties an entry and moves later entries of the same probe run back, so that every name stays reachable
    /// from its first entry without markers for removed ones.
    private mutating func vacate(_ entry: Int) {
        let mask = table.count - 1
        var hole = entry
        var next = (hole + 1) & mask
        while table[next] != 0 {
            let home = Int(truncatingIfNeeded: table[next] >> 32) & mask
            if (next - home) & mask >= (next - hole) & mask {
                table[hole] = table[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        table[hole] = 0
    }

    private mutating func grow() {
        let old = table
        table = Array(repeating: 0, count: old.count * 2)
        let mask = table.count - 1
        for value in old where value != 0 {
            var entry = Int(truncatingIfNeeded: value >> 32) & mask
            while table[entry] != 0 { entry = (entry + 1) & mask }
            table[entry] = value
        }
    }

    /// The smallest power-of-two table that holds `capacity` names below the load that makes it grow.
    private static func tableSize(for capacity: Int) -> Int {
        var size = 16
        while capacity * 10 > size * 7 { size *= 2 }
        return size
    }

    private static func hash(_ name: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: name)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    private static func withUTF8<Result>(of name: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var name = name
        return name.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}
