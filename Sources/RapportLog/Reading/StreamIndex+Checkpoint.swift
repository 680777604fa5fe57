/// The stream index in a checkpoint's bytes: the number of streams, then each stream in slot order with its name,
/// its number of records, its first position and the distances from each position to the next.
extension StreamIndex {
    /// Writes the index.
    ///
    /// - Parameter writer: The checkpoint's writer.
    func write(to writer: inout CheckpointWriter) {
        writer.writeVarint(UInt64(names.count))
        for (name, positions) in zip(names, positionsBySlot) {
            writer.writeBytes(name.utf8)
            writer.writeVarint(UInt64(positions.count))
            var previous: UInt64 = 0
            for (number, position) in positions.enumerated() {
                writer.writeVarint(number == 0 ? position : position - previous)
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
        var names: [String] = []
        names.reserveCapacity(count)
        var positionsBySlot: [[UInt64]] = []
        positionsBySlot.reserveCapacity(count)
        var total: UInt64 = 0
        var previousFirst: UInt64?
        for slot in 0..<count {
            names.append(String(decoding: try reader.bytes("name of stream \(slot)"), as: UTF8.self))
            let positions = try readPositions(of: slot, from: &reader, end: end)
            if let previousFirst, positions[0] <= previousFirst {
                throw CheckpointReader.damage("stream \(slot) starts before the stream in the slot before it")
            }
            previousFirst = positions[0]
            total += UInt64(positions.count)
            positionsBySlot.append(positions)
        }
        guard total == end else {
            throw CheckpointReader.damage("the streams hold \(total) records, the checkpoint stands for \(end)")
        }
        guard let index = StreamIndex(names: names, positions: positionsBySlot) else {
            throw CheckpointReader.damage("two streams have the same name")
        }
        return index
    }

    private static func readPositions(
        of slot: Int,
        from reader: inout CheckpointReader,
        end: UInt64
    ) throws(LogError) -> [UInt64] {
        let count = try reader.count("record count of stream \(slot)")
        guard count > 0 else { throw CheckpointReader.damage("stream \(slot) has no records") }
        var positions = [UInt64](repeating: 0, count: count)
        var previous: UInt64 = 0
        for number in 0..<count {
            let step = try reader.varint("position of stream \(slot)")
            guard number == 0 || step > 0, step < end, previous < end - step else {
                throw CheckpointReader.damage("stream \(slot) has a position out of order or past \(end)")
            }
            previous = number == 0 ? step : previous + step
            positions[number] = previous
        }
        return positions
    }
}
