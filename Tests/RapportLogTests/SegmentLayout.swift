import RapportTestSupport

@testable import RapportLog

/// Where the batches of one segment file lie, read with the log's own cursor, so that a test can damage a
/// chosen batch and knows which file, byte offset and position a report must name.
struct SegmentLayout {
    /// One batch of the segment.
    struct Batch {
        /// The batch's byte offset in the file.
        var offset: UInt64
        /// The position of its first record.
        var basePosition: UInt64
        /// Its number of records.
        var recordCount: Int
        /// Its size on disk, header included.
        var size: Int
    }

    /// The file's name.
    let name: String
    /// The file's size.
    let fileSize: UInt64
    /// The parsed segment header.
    let header: SegmentHeader
    /// The footer, when the segment is sealed.
    let footer: SegmentFooter?
    /// The batches, in file order, up to the first damaged one.
    let batches: [Batch]

    /// Reads a segment file's layout.
    ///
    /// - Parameters:
    ///   - name: The segment file's name.
    ///   - files: The data directory's files.
    /// - Throws: When the file can not be read or its header is damaged.
    init(_ name: String, in files: LogFiles) throws {
        let file = try DataFile.openForReading(files.path(name))
        let size = try file.size()
        guard let header = try file.segmentHeader() else {
            throw LogError(.corruptData, "\(name) has no readable segment header")
        }
        let footer = try file.segmentFooter(size: size)
        var cursor = BatchCursor(
            file: file,
            start: UInt64(SegmentHeader.size),
            end: footer?.dataEnd ?? size,
            checksums: true
        )
        var batches: [Batch] = []
        while case .batch(let batchHeader, let offset) = try cursor.next() {
            batches.append(
                Batch(
                    offset: offset,
                    basePosition: batchHeader.basePosition,
                    recordCount: Int(batchHeader.recordCount),
                    size: batchHeader.totalSize
                )
            )
        }
        self.name = name
        self.fileSize = size
        self.header = header
        self.footer = footer
        self.batches = batches
    }

    /// The offset after the last whole batch.
    var dataEnd: UInt64 {
        batches.last.map { $0.offset + UInt64($0.size) } ?? UInt64(SegmentHeader.size)
    }
}
