import RapportTime
import Synchronization

extension EventLog {
    /// Summarises the log as it stands: each segment's records, batches and bytes, without decompressing.
    ///
    /// Reads only batch headers (and file sizes), so it is cheap even on a large log.
    ///
    /// - Returns: The summary.
    /// - Throws: ``LogError`` with code `io_failure` when a segment can not be read, or `corrupt_data` when a
    ///   batch header that opening accepted no longer parses.
    public func summary() throws -> LogSummary {
        let (segments, streamCount, headHash) = core.state.withLock { state in
            (state.segments, state.streams.count, state.headHash)
        }
        var summary = LogSummary(streamCount: streamCount, headHash: headHash)
        for segment in segments {
            summary.segments.append(try Self.summarise(segment))
        }
        return summary
    }

    private static func summarise(_ segment: SegmentState) throws -> LogSummary.Segment {
        var figures = LogSummary.Segment(
            file: DataDirectory.baseName(segment.base) + ".log",
            basePosition: segment.base,
            isSealed: segment.footer != nil,
            batchCount: segment.batchCount,
            recordCount: segment.recordCount,
            fileBytes: try segment.file.size(),
            uncompressedBytes: 0,
            storedBytes: 0,
            firstRecordedAt: segment.firstTimestamp,
            lastRecordedAt: segment.lastTimestamp
        )
        var cursor = BatchCursor(
            file: segment.file,
            start: UInt64(SegmentHeader.size),
            end: segment.dataEnd,
            checksums: false
        )
        while let (header, _) = try cursor.nextBatch(endingAfter: segment.base) {
            figures.uncompressedBytes += UInt64(header.uncompressedSize)
            figures.storedBytes += UInt64(header.storedSize)
        }
        return figures
    }
}
