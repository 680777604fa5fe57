/// The writer's view of stream versions: the acknowledged ones, plus the records written but not yet
/// acknowledged, plus those of the append being checked.
///
/// Streams are named by the slots of the shared ``StreamIndex``; a stream the index does not know yet gets the
/// slot it will have once acknowledged, because acknowledgement adds new streams in the order they were accepted.
/// So the writer looks each record's stream up once, and refers to it by number from then on.
struct TentativeVersions {
    /// Versions by slot, for every stream the index knows and every new one accepted since.
    private var versions: [UInt64]
    /// Streams accepted but not yet in the index, by name.
    private var newSlots: [StreamKey: Int] = [:]
    /// What the append being checked changed, to take back when it is refused.
    private var undo: [(slot: Int, version: UInt64)] = []
    private var newSlotsOfAppend: [String] = []

    /// Starts from the index's versions.
    init(_ streams: StreamIndex) {
        versions = (0..<streams.count).map(streams.version(ofSlot:))
    }

    /// A stream's slot and tentative version; a stream seen for the first time gets the next free slot.
    ///
    /// - Parameters:
    ///   - streamId: The stream.
    ///   - streams: The shared index, read under the log's lock.
    /// - Returns: The slot and the stream's version before the record being checked.
    mutating func current(of streamId: String, in streams: StreamIndex) -> (slot: Int, version: UInt64) {
        if let slot = streams.slot(of: streamId) ?? newSlots[StreamKey(streamId)] {
            return (slot, versions[slot])
        }
        let slot = versions.count
        versions.append(0)
        newSlots[StreamKey(streamId)] = slot
        newSlotsOfAppend.append(streamId)
        return (slot, 0)
    }

    /// Gives the stream in `slot` its next version.
    mutating func advance(slot: Int) {
        undo.append((slot, versions[slot]))
        versions[slot] += 1
    }

    /// Keeps what the append being checked changed.
    mutating func keepAppend() {
        undo.removeAll(keepingCapacity: true)
        newSlotsOfAppend.removeAll(keepingCapacity: true)
    }

    /// Takes back what the append being checked changed.
    mutating func dropAppend() {
        for (slot, version) in undo.reversed() {
            versions[slot] = version
        }
        for streamId in newSlotsOfAppend {
            newSlots[StreamKey(streamId)] = nil
        }
        versions.removeLast(newSlotsOfAppend.count)
        keepAppend()
    }

    /// Notes that every accepted record has been acknowledged, so the index now knows every stream.
    mutating func allAcknowledged() {
        newSlots.removeAll(keepingCapacity: true)
    }
}
