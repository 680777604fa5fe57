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
    /// half and the slot plus one in its lower half; 0 is empty. The top bits of the hash pick the first entry
    /// tried, its home, so that growing the table needs no name hashed again, and entries in order of their value
    /// are in order of their home.
    private var table: [UInt64]

    /// Creates an empty table.
    init() {
        table = Array(repeating: 0, count: Self.tableSize(for: 0))
    }

    /// Creates a table of names read one after another, in slot order, such as a checkpoint's.
    ///
    /// Adding millions of names one by one writes the table at random, a cache miss for every name. This sorts
    /// the entries by their home first and fills the table front to back.
    ///
    /// - Parameters:
    ///   - bytes: Every name's UTF-8, one after another.
    ///   - ends: The end of each name in `bytes`.
    /// - Returns: `nil` when two of the names are the same.
    init?(bytes: [UInt8], ends: [Int]) {
        precondition(ends.count < Int(UInt32.max - 1), "more streams than a slot number can hold")
        self.bytes = bytes
        self.ends = ends
        table = Array(repeating: 0, count: Self.tableSize(for: ends.count))
        var entries = [UInt64](repeating: 0, count: ends.count)
        bytes.withUnsafeBytes { stored in
            var start = 0
            for (slot, end) in ends.enumerated() {
                let hash = Self.hash(UnsafeRawBufferPointer(rebasing: stored[start..<end]))
                entries[slot] = Self.entry(hash: hash, slot: slot)
                start = end
            }
        }
        Self.sortByTag(&entries)
        guard !hasTwoEqualNames(amongSorted: entries) else { return nil }
        fillInOrderOfHome(entries)
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
        table[entry] = Self.entry(hash: hash, slot: slot)
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
        var entry = home(of: hash)
        return table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBytes { stored in
                while true {
                    let value = table[entry]
                    if value == 0 { return (entry, nil) }
                    if value >> 32 == tag {
                        let slot = Self.slot(ofEntry: value)
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
            if (next - home(of: table[next])) & mask >= (next - hole) & mask {
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
            var entry = home(of: value)
            while table[entry] != 0 { entry = (entry + 1) & mask }
            table[entry] = value
        }
    }

    /// The first entry tried for a hash or an entry's value: the top bits of its upper half, as many as the
    /// table's size has.
    private func home(of hashOrEntry: UInt64) -> Int {
        Int(truncatingIfNeeded: (hashOrEntry & Self.tagMask) >> UInt64(table.count.leadingZeroBitCount + 1))
    }

    /// Whether two entries of the same tag, side by side once sorted, hold the same name.
    private func hasTwoEqualNames(amongSorted entries: [UInt64]) -> Bool {
        var runStart = 0
        for index in entries.indices.dropFirst() {
            if entries[index] & Self.tagMask != entries[runStart] & Self.tagMask {
                runStart = index
                continue
            }
            let slot = Self.slot(ofEntry: entries[index])
            let equal = withName(ofSlot: slot) { name in
                entries[runStart..<index].contains { earlier in
                    withName(ofSlot: Self.slot(ofEntry: earlier)) { $0.elementsEqual(name) }
                }
            }
            if equal { return true }
        }
        return false
    }

    /// Puts entries sorted by their home into an empty table, each in the first free entry from its home on:
    /// front to back, but for the few that run past the end and wrap around to the front.
    private mutating func fillInOrderOfHome(_ entries: [UInt64]) {
        let mask = table.count - 1
        var next = 0
        for value in entries {
            var entry = max(home(of: value), next)
            if entry > mask {
                entry &= mask
                while table[entry] != 0 { entry = (entry + 1) & mask }
            } else {
                next = entry + 1
            }
            table[entry] = value
        }
    }

    /// Sorts entries by their tag, the upper half, eight bits at a time from the lowest: four counting passes
    /// over the entries, where a general sort would compare each entry some twenty times. Written here because
    /// no collection at hand sorts by radix.
    private static func sortByTag(_ entries: inout [UInt64]) {
        var spare = [UInt64](repeating: 0, count: entries.count)
        for shift in stride(from: UInt64(32), to: 64, by: 8) {
            var starts = [Int](repeating: 0, count: 257)
            for value in entries { starts[Int(truncatingIfNeeded: (value >> shift) & 0xFF) + 1] += 1 }
            for digit in 1...256 { starts[digit] += starts[digit - 1] }
            for value in entries {
                let digit = Int(truncatingIfNeeded: (value >> shift) & 0xFF)
                spare[starts[digit]] = value
                starts[digit] += 1
            }
            swap(&entries, &spare)
        }
    }

    /// The upper half of an entry or a hash, which entries keep of their name's hash.
    private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The entry of a name: the upper half of its hash, and its slot plus one.
    private static func entry(hash: UInt64, slot: Int) -> UInt64 {
        (hash & tagMask) | UInt64(slot + 1)
    }

    /// The slot an entry holds.
    private static func slot(ofEntry entry: UInt64) -> Int {
        Int(truncatingIfNeeded: entry & ~tagMask) - 1
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
