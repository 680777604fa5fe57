import RapportTime

/// What readers know about one segment: its file, how far it is readable, and its index.
struct SegmentState: Sendable {
    /// The position of the segment's first record.
    let base: UInt64
    /// The segment file, open for reading.
    let file: DataFile
    /// The byte offset after the last readable batch.
    var dataEnd: UInt64
    /// The position after the segment's last readable record.
    var endPosition: UInt64
    /// The number of readable batches.
    var batchCount: UInt64
    /// The record time of the first record, if any.
    var firstTimestamp: Timestamp?
    /// The record time of the last record, if any.
    var lastTimestamp: Timestamp?
    /// The sparse position and time index.
    var index: SparseIndex
    /// The footer, once the segment is sealed.
    var footer: SegmentFooter?

    /// The number of readable records.
    var recordCount: UInt64 { endPosition - base }

    /// The offset of the batch to start reading at to reach `position`.
    func startOffset(for position: UInt64) -> UInt64 {
        index.entry(atOrBefore: position)?.offset ?? UInt64(SegmentHeader.size)
    }

    /// Notes a batch that became readable.
    mutating func note(_ header: BatchHeader, at offset: UInt64) {
        index.note(header, at: offset)
        dataEnd = offset + UInt64(header.totalSize)
        endPosition = header.endPosition
        batchCount += 1
        if firstTimestamp == nil {
            firstTimestamp = header.firstTimestamp
        }
        lastTimestamp = header.lastTimestamp
    }
}
