/// Where each stream's records are: the positions of its records, in version order.
///
/// Kept in memory and rebuilt on open; a stream's version is the number of its records. Each stream also has a
/// slot, its number in order of first appearance, so that the writer looks a stream's name up once per record
/// and reaches its positions by number from then on.
struct StreamIndex: Sendable {
    private var slots: [StreamKey: Int] = [:]
    /// The streams' names, by slot.
    private(set) var names: [String] = []
    /// The positions of each stream's records, by slot.
    private(set) var positionsBySlot: [[UInt64]] = []

    /// Creates an empty index.
    init() {}

    /// Creates an index of streams given by slot, as a checkpoint stored them.
    ///
    /// - Parameters:
    ///   - names: The streams' names, by slot.
    ///   - positions: Each stream's positions, by slot.
    /// - Returns: `nil` when two slots have the same name or the counts differ.
    init?(names: [String], positions: [[UInt64]]) {
        guard names.count == positions.count else { return nil }
        slots.reserveCapacity(names.count)
        for (slot, name) in names.enumerated() {
            guard slots.updateValue(slot, forKey: StreamKey(name)) == nil else { return nil }
        }
        self.names = names
        self.positionsBySlot = positions
    }

    /// The number of streams.
    var count: Int { names.count }

    /// A stream's slot, or `nil` when it does not exist.
    func slot(of streamId: String) -> Int? {
        slots[StreamKey(streamId)]
    }

    /// A stream's version: the number of its records, 0 when it does not exist.
    func version(of streamId: String) -> UInt64 {
        slots[StreamKey(streamId)].map { UInt64(positionsBySlot[$0].count) } ?? 0
    }

    /// The version of the stream in `slot`.
    func version(ofSlot slot: Int) -> UInt64 {
        UInt64(positionsBySlot[slot].count)
    }

    /// The positions of a stream's records, in version order (empty when the stream does not exist).
    func positions(of streamId: String) -> [UInt64] {
        slots[StreamKey(streamId)].map { positionsBySlot[$0] } ?? []
    }

    /// Whether any record was appended to the stream.
    func contains(_ streamId: String) -> Bool {
        slots[StreamKey(streamId)] != nil
    }

    /// Records that the next version of the stream in `slot` is at `position`.
    mutating func add(slot: Int, position: UInt64) {
        positionsBySlot[slot].append(position)
    }

    /// Records a new stream's first record; its slot is the current ``count``.
    ///
    /// - Returns: The new stream's slot.
    @discardableResult
    mutating func addStream(_ streamId: String, position: UInt64) -> Int {
        let slot = names.count
        slots[StreamKey(streamId)] = slot
        names.append(streamId)
        positionsBySlot.append([position])
        return slot
    }

    /// Records that the next version of a stream is at `position`, creating the stream when needed.
    mutating func add(streamId: String, position: UInt64) {
        if let slot = slots[StreamKey(streamId)] {
            add(slot: slot, position: position)
        } else {
            addStream(streamId, position: position)
        }
    }

    /// Records a stream's record read from the log, checking that versions follow each other.
    ///
    /// - Returns: The stream's slot, or `nil` (and nothing recorded) when `version` is not the stream's next one.
    mutating func add(streamIdBytes: UnsafeRawBufferPointer, version: UInt64, position: UInt64) -> Int? {
        let streamId = String(decoding: streamIdBytes, as: UTF8.self)
        guard let slot = slots[StreamKey(streamId)] else {
            return version == 1 ? addStream(streamId, position: position) : nil
        }
        guard version == UInt64(positionsBySlot[slot].count) + 1 else { return nil }
        positionsBySlot[slot].append(position)
        return slot
    }

    /// Takes back the last record added to the stream in `slot`; a stream left empty is removed, which is only
    /// allowed for the newest stream. Used to undo a batch that turned out damaged half-way through.
    mutating func removeLast(slot: Int) {
        positionsBySlot[slot].removeLast()
        if positionsBySlot[slot].isEmpty {
            precondition(slot == names.count - 1, "only the newest stream can be removed")
            slots[StreamKey(names.removeLast())] = nil
            positionsBySlot.removeLast()
        }
    }
}
