/// Where each stream's records are: the positions of its records, in version order.
///
/// Kept in memory and rebuilt on open; a stream's version is the number of its records. Each stream also has a
/// slot, its number in order of first appearance, so that the writer looks a stream's name up once per record
/// and reaches its positions by number from then on.
///
/// The positions read from a checkpoint lie in one flat array, the bulk of a large log's; those added since, by
/// the writer or by reading the batches after the checkpoint, in an array per stream. So opening from a checkpoint
/// builds a few arrays rather than one per stream.
struct StreamIndex: Sendable {
    /// Whether the index keeps anything; one that does not stands for a log read by position only.
    let indexing: StreamIndexing
    private var names = StreamNameTable()
    /// The positions read from a checkpoint, stream after stream in slot order.
    private var loadedPositions: [UInt64] = []
    /// The end of each stream's positions in ``loadedPositions``, for the slots the checkpoint held.
    private var loadedEnds: [Int] = []
    /// The positions added since, by slot, for every slot.
    private var addedPositions: [[UInt64]] = []

    /// Creates an empty index.
    ///
    /// - Parameter indexing: ``StreamIndexing/notIndexed`` for an index that stays empty whatever is added.
    init(_ indexing: StreamIndexing = .indexed) {
        self.indexing = indexing
    }

    /// Creates an index from a checkpoint's streams.
    ///
    /// - Parameters:
    ///   - names: The streams' names, by slot.
    ///   - positions: Every stream's positions, stream after stream in slot order.
    ///   - ends: The end of each stream's positions in `positions`.
    init(names: StreamNameTable, positions: [UInt64], ends: [Int]) {
        precondition(names.count == ends.count && ends.last ?? 0 == positions.count, "the parts do not match")
        indexing = .indexed
        self.names = names
        loadedPositions = positions
        loadedEnds = ends
        addedPositions = Array(repeating: [], count: ends.count)
    }

    /// The number of streams.
    var count: Int { names.count }

    /// A stream's slot, or `nil` when it does not exist.
    func slot(of streamId: String) -> Int? {
        names.slot(of: streamId)
    }

    /// The name of the stream in `slot`.
    func name(ofSlot slot: Int) -> String {
        names.name(ofSlot: slot)
    }

    /// Lets `body` see the UTF-8 of the name of the stream in `slot`.
    func withName<Result>(ofSlot slot: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        names.withName(ofSlot: slot, body)
    }

    /// A stream's version: the number of its records, 0 when it does not exist.
    func version(of streamId: String) -> UInt64 {
        names.slot(of: streamId).map(version(ofSlot:)) ?? 0
    }

    /// The version of the stream in `slot`.
    func version(ofSlot slot: Int) -> UInt64 {
        UInt64(loadedRange(ofSlot: slot).count + addedPositions[slot].count)
    }

    /// The positions of a stream's records, in version order (empty when the stream does not exist).
    func positions(of streamId: String) -> [UInt64] {
        names.slot(of: streamId).map(positions(ofSlot:)) ?? []
    }

    /// The positions of the records of the stream in `slot`, in version order.
    func positions(ofSlot slot: Int) -> [UInt64] {
        let loaded = loadedRange(ofSlot: slot)
        guard !loaded.isEmpty else { return addedPositions[slot] }
        return Array(loadedPositions[loaded]) + addedPositions[slot]
    }

    /// Calls `body` with each position of the stream in `slot`, in version order, without gathering them into
    /// an array.
    func forEachPosition(ofSlot slot: Int, _ body: (UInt64) -> Void) {
        for position in loadedPositions[loadedRange(ofSlot: slot)] { body(position) }
        for position in addedPositions[slot] { body(position) }
    }

    /// Whether any record was appended to the stream.
    func contains(_ streamId: String) -> Bool {
        names.slot(of: streamId) != nil
    }

    /// Records that the next version of the stream in `slot` is at `position`.
    mutating func add(slot: Int, position: UInt64) {
        addedPositions[slot].append(position)
    }

    /// Records a new stream's first record; its slot is the current ``count``.
    ///
    /// - Returns: The new stream's slot.
    @discardableResult
    mutating func addStream(_ streamId: String, position: UInt64) -> Int {
        let slot = names.append(streamId)
        addedPositions.append([position])
        return slot
    }

    /// Records that the next version of a stream is at `position`, creating the stream when needed.
    mutating func add(streamId: String, position: UInt64) {
        if let slot = names.slot(of: streamId) {
            add(slot: slot, position: position)
        } else {
            addStream(streamId, position: position)
        }
    }

    /// Records a stream's record read from the log, checking that versions follow each other.
    ///
    /// - Returns: The stream's slot, or `nil` (and nothing recorded) when `version` is not the stream's next one.
    ///   An index that is not kept records nothing and answers slot 0.
    mutating func add(streamIdBytes: UnsafeRawBufferPointer, version: UInt64, position: UInt64) -> Int? {
        guard indexing == .indexed else { return 0 }
        let (slot, inserted) = names.insert(streamIdBytes)
        if inserted {
            guard version == 1 else {
                names.removeLast()
                return nil
            }
            addedPositions.append([position])
            return slot
        }
        guard version == self.version(ofSlot: slot) + 1 else { return nil }
        addedPositions[slot].append(position)
        return slot
    }

    /// Takes back the last record added to the stream in `slot`; a stream left empty is removed, which is only
    /// allowed for the newest stream. Used to undo a batch that turned out damaged half-way through, so only
    /// positions added since the checkpoint are taken back.
    mutating func removeLast(slot: Int) {
        guard indexing == .indexed else { return }
        precondition(!addedPositions[slot].isEmpty, "only positions added since the checkpoint can be removed")
        addedPositions[slot].removeLast()
        if version(ofSlot: slot) == 0 {
            precondition(slot == names.count - 1, "only the newest stream can be removed")
            names.removeLast()
            addedPositions.removeLast()
        }
    }

    private func loadedRange(ofSlot slot: Int) -> Range<Int> {
        guard slot < loadedEnds.count else { return 0..<0 }
        return (slot == 0 ? 0 : loadedEnds[slot - 1])..<loadedEnds[slot]
    }
}
