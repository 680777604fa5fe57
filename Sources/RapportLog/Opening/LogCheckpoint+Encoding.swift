import RapportTime

/// A checkpoint's bytes (docs/READ-MODELS.md, "The snapshot file", describes them): a format version, the
/// position, head hash and index interval, each segment with its counts, times and sparse index, then the stream index. Numbers are unsigned
/// LEB128 varints, times zigzag varints, and the index entries distances from the entry before.
extension LogCheckpoint {
    /// The layout this release writes and reads.
    static let formatVersion: UInt64 = 1

    /// The checkpoint's bytes.
    package func encoded() -> [UInt8] {
        precondition(streams.indexing == .indexed, "a checkpoint of a log read by position only has no stream index")
        var writer = CheckpointWriter(capacity: Int(position) * 3 + streams.count * 24 + 4096)
        writer.writeVarint(Self.formatVersion)
        writer.writeVarint(position)
        writer.writeHash(headHash)
        writer.writeVarint(UInt64(indexInterval))
        writer.writeVarint(UInt64(segments.count))
        for segment in segments {
            writer.writeVarint(segment.base)
            writer.writeVarint(segment.dataEnd)
            writer.writeVarint(segment.endPosition)
            writer.writeVarint(segment.batchCount)
            writer.writeTimestamp(segment.firstTimestamp)
            writer.writeTimestamp(segment.lastTimestamp)
            writer.writeVarint(UInt64(segment.entries.count))
            var previous = SparseIndex.Entry(position: 0, offset: 0, timestamp: .init(microsecondsSinceEpoch: 0))
            for entry in segment.entries {
                writer.writeVarint(entry.position &- previous.position)
                writer.writeVarint(entry.offset &- previous.offset)
                let step = entry.timestamp.microsecondsSinceEpoch &- previous.timestamp.microsecondsSinceEpoch
                writer.writeTimestamp(.init(microsecondsSinceEpoch: step))
                previous = entry
            }
        }
        streams.write(to: &writer)
        return writer.bytes
    }

    /// Reads a checkpoint from its bytes, checking that its parts fit together (not yet that it fits a log: that
    /// is opening's part).
    ///
    /// - Parameters:
    ///   - bytes: Exactly the bytes ``encoded()`` gave.
    ///   - streams: ``StreamIndexing/notIndexed`` to pass over the stream index, for a log read by position only:
    ///     the checkpoint then opens only such a log.
    /// - Throws: ``LogError/Code/corruptData`` naming the field that does not read or the rule that does not hold.
    package init(decoding bytes: UnsafeRawBufferPointer, streams indexing: StreamIndexing = .indexed) throws(LogError) {
        var reader = CheckpointReader(bytes)
        let format = try reader.varint("format version")
        guard format == Self.formatVersion else {
            throw CheckpointReader.damage("format \(format), this release reads format \(Self.formatVersion)")
        }
        let position = try reader.varint("position")
        let headHash = try reader.hash("head hash")
        let interval = try reader.varint("index interval")
        guard interval <= UInt64(Int32.max) else { throw CheckpointReader.damage("index interval of \(interval)") }
        var segments: [Segment] = []
        for number in 0..<(try reader.count("segment count", minimumSize: 7)) {
            segments.append(try Self.readSegment(number, from: &reader))
        }
        let streams: StreamIndex
        switch indexing {
        case .indexed:
            streams = try StreamIndex.read(from: &reader, end: position)
            guard reader.isAtEnd else { throw CheckpointReader.damage("bytes follow the stream index") }
        case .notIndexed:
            streams = StreamIndex(.notIndexed)
        }
        try self.init(
            position: position,
            headHash: headHash,
            indexInterval: Int(interval),
            segments: segments,
            streams: streams
        )
    }

    private static func readSegment(_ number: Int, from reader: inout CheckpointReader) throws(LogError) -> Segment {
        var segment = Segment(
            base: try reader.varint("base of segment \(number)"),
            dataEnd: try reader.varint("data end of segment \(number)"),
            endPosition: try reader.varint("end position of segment \(number)"),
            batchCount: try reader.varint("batch count of segment \(number)"),
            firstTimestamp: try reader.timestamp("first time of segment \(number)"),
            lastTimestamp: try reader.timestamp("last time of segment \(number)"),
            entries: []
        )
        let count = try reader.count("index entry count of segment \(number)", minimumSize: 3)
        segment.entries.reserveCapacity(count)
        var previous = SparseIndex.Entry(position: 0, offset: 0, timestamp: .init(microsecondsSinceEpoch: 0))
        for _ in 0..<count {
            let position = previous.position &+ (try reader.varint("index entry of segment \(number)"))
            let offset = previous.offset &+ (try reader.varint("index entry of segment \(number)"))
            let step = try reader.timestamp("index entry of segment \(number)").microsecondsSinceEpoch
            let time = Timestamp(microsecondsSinceEpoch: previous.timestamp.microsecondsSinceEpoch &+ step)
            previous = SparseIndex.Entry(position: position, offset: offset, timestamp: time)
            segment.entries.append(previous)
        }
        return segment
    }
}
