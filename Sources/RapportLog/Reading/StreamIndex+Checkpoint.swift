/// The stream index in a checkpoint's bytes: the number of streams, then each stream in slot order with its name,
/// its number of records, its first position and the distances from each position to the next.
extension StreamIndex {
    /// Writes the index.
    ///
    /// - Parameter writer: The checkpoint's writer.
    func write(to writer: inout CheckpointWriter) {
        writer.writeVarint(UInt64(count))
        for slot in 0..<count {
            withName(ofSlot: slot) { writer.writeBytes($0) }
            writer.writeVarint(version(ofSlot: slot))
            var previous: UInt64?
            forEachPosition(ofSlot: slot) { position in
                writer.writeVarint(previous.map { position - $0 } ?? position)
                previous = position
            }
        }
    }

    /// Reads an index written by ``write(to:)``, checking that it could be the index of a log of `end` records:
    /// each stream's positions rise, streams are in order of their first record, and every position below `end`
    /// belongs to exactly as many records as there are positions.
    ///
    /// - Parameters:
    ///   - reader: The checkpoint's reader.
    ///   - end: The position the index stands for.
    /// - Returns: The index.
    /// - Throws: ``LogError/Code/corruptData`` naming what does not hold.
    static func read(from reader: inout CheckpointReader, end: UInt64) throws(LogError) -> StreamIndex {
        let count = try reader.count("stream count", minimumSize: 3)
        var nameBytes: [UInt8] = []
        nameBytes.reserveCapacity(count * 24)
        var nameEnds: [Int] = []
        nameEnds.reserveCapacity(count)
        var positions: [UInt64] = []
        positions.reserveCapacity(Int(min(end, UInt64(reader.remainingCount))))
        var ends: [Int] = []
        ends.reserveCapacity(count)
        var previousFirst: UInt64?
        for slot in 0..<count {
            nameBytes.append(contentsOf: try reader.bytes("name of stream \(slot)"))
            nameEnds.append(nameBytes.count)
            let first = positions.count
            try readPositions(of: slot, from: &reader, end: end, into: &positions)
            if let previousFirst, positions[first] <= previousFirst {
                throw CheckpointReader.damage("stream \(slot) starts before the stream in the slot before it")
            }
            previousFirst = positions[first]
            ends.append(positions.count)
        }
        guard UInt64(positions.count) == end else {
            throw CheckpointReader.damage(
                "the streams hold \(positions.count) records, the checkpoint stands for \(end)"
            )
        }
        guard let names = StreamNameTable(bytes: nameBytes, ends: nameEnds) else {
            throw CheckpointReader.damage("two streams have the same name")
        }
        return StreamIndex(names: names, positions: positions, ends: ends)
    }

    private static func readPositions(
        of slot: Int,
        from reader: inout CheckpointReader,
        end: UInt64,
        into positions: inout [UInt64]
    ) throws(LogError) {
        let count = try reader.count("record count of stream \(slot)")
        guard count > 0 else { throw CheckpointReader.damage("stream \(slot) has no records") }
        guard UInt64(positions.count + count) <= end else {
            throw CheckpointReader.damage("the streams hold more records than the \(end) the checkpoint stands for")
        }
        var previous: UInt64 = 0
        for number in 0..<count {
            let step = try reader.varint("position of stream \(slot)")
            guard number == 0 || step > 0, step < end, previous < end - step else {
                throw CheckpointReader.damage("stream \(slot) has a position out of order or past \(end)")
            }
            previous = number == 0 ? step : previous + step
            positions.append(previous)
        }
    }
}
