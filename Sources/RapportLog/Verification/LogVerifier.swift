import Crypto
import RapportTime

/// Re-reads a whole log and checks everything: every batch's CRC, structure and records, both hash chains
/// (batch to batch and segment to segment), every sealed segment's footer and hash, and the index files.
public struct LogVerifier: Sendable {
    /// The data directory.
    public let directory: String

    /// Creates a verifier for a data directory. It only reads, and may run while a writer is active.
    ///
    /// - Parameter directory: The data directory.
    public init(directory: String) {
        self.directory = directory
    }

    /// Checks the log, stopping at the first problem.
    ///
    /// - Parameter eachBatch: Called, in log order, with the last position and the chain hash of every batch that
    ///   passed its checks: the chain's state at the end of each batch, which an auditor may record.
    /// - Returns: The report; ``VerificationReport/isIntact`` says whether all is well.
    /// - Throws: ``LogError`` with code `directory_unavailable` or `io_failure` when files can not be read.
    public func verify(
        eachBatch: (_ lastPosition: UInt64, _ hash: ChainHash) -> Void = { _, _ in }
    ) throws -> VerificationReport {
        let dataDirectory = DataDirectory(path: directory)
        let bases = try dataDirectory.segmentBases()
        var report = VerificationReport()
        var streams = StreamIndex()
        var previousSegmentHash = ChainHash.zero
        var lastBatchHash = ChainHash.zero
        var expectedPosition: UInt64 = 0
        for (number, base) in bases.enumerated() {
            let path = dataDirectory.segmentPath(base: base)
            let name = DataDirectory.baseName(base) + ".log"
            let file = try DataFile.openForReading(path)
            let size = try file.size()
            report.segmentCount += 1
            report.bytesOnDisk += size
            func problem(_ offset: UInt64, _ position: UInt64, _ message: String) -> VerificationReport {
                report.problem = .init(file: name, byteOffset: offset, position: position, message: message)
                return report
            }
            let isLast = number == bases.count - 1
            guard let header = try file.segmentHeader() else {
                // The writer creates a segment file and then writes its header, so a last file no longer than a
                // header is a segment being started (or one whose start a crash cut short, which opening redoes).
                if isLast, size <= UInt64(SegmentHeader.size) {
                    report.incompleteTailBytes = size
                    return report
                }
                return problem(0, expectedPosition, "segment header is missing or damaged")
            }
            guard header.basePosition == base, base == expectedPosition else {
                return problem(
                    0,
                    expectedPosition,
                    "segment starts at \(header.basePosition), expected \(expectedPosition)"
                )
            }
            guard header.previousSegmentHash == previousSegmentHash else {
                return problem(0, base, "segment header's previous-segment hash breaks the segment chain")
            }
            guard header.previousBatchHash == lastBatchHash else {
                return problem(0, base, "segment header's previous-batch hash breaks the batch chain")
            }
            let footer = try file.segmentFooter(size: size)
            guard footer != nil || isLast else {
                return problem(size, base, "segment is not sealed but another segment follows it")
            }
            // An index interval of 0 gives every batch an entry, against which the index files are checked.
            let loader = SegmentLoader(file: file, header: header, indexInterval: 0)
            let loaded = try loader.load(
                end: footer?.dataEnd ?? size,
                streams: &streams,
                hashing: .batchesAndSegment,
                eachBatch: eachBatch
            )
            report.batchCount += loaded.state.batchCount
            report.recordCount += loaded.state.recordCount
            if loaded.state.batchCount > 0 {
                report.headHash = loaded.lastBatchHash
            }
            if let damage = loaded.damage {
                if footer == nil, damage.incomplete {
                    report.incompleteTailBytes = size - damage.offset
                } else {
                    return problem(damage.offset, damage.position, damage.reason)
                }
            }
            if let footer {
                if let message = mismatch(between: footer, and: loaded, header: header) {
                    return problem(footer.dataEnd, loaded.state.endPosition, message)
                }
                if let message = indexMismatch(of: loaded.state, in: dataDirectory, mayBeMissing: isLast) {
                    return problem(0, base, message)
                }
                report.sealedSegmentCount += 1
                previousSegmentHash = footer.segmentHash
            }
            lastBatchHash = loaded.lastBatchHash
            expectedPosition = loaded.state.endPosition
        }
        return report
    }

    private func mismatch(between footer: SegmentFooter, and loaded: SegmentLoader.Loaded, header: SegmentHeader)
        -> String?
    {
        let state = loaded.state
        if let hasher = loaded.hasher, ChainHash(hasher.finalize()) != footer.segmentHash {
            return "segment hash does not match the footer's"
        }
        guard footer.batchCount == state.batchCount, footer.recordCount == state.recordCount,
            footer.firstPosition == state.base, footer.lastPosition + 1 == state.endPosition
        else { return "footer counts or positions do not match the segment's batches" }
        guard footer.lastBatchHash == loaded.lastBatchHash, footer.previousSegmentHash == header.previousSegmentHash
        else { return "footer hashes do not match the chain" }
        guard footer.firstTimestamp == state.firstTimestamp, footer.lastTimestamp == state.lastTimestamp else {
            return "footer record times do not match the segment's batches"
        }
        return nil
    }

    /// Why the index files do not match, or `nil`. The writer writes them just after sealing a segment and
    /// before starting the next, so the last segment's may be missing (`mayBeMissing`) while a writer runs.
    private func indexMismatch(of state: SegmentState, in directory: DataDirectory, mayBeMissing: Bool) -> String? {
        let positionPath = directory.positionIndexPath(base: state.base)
        let timePath = directory.timeIndexPath(base: state.base)
        guard let positionFile = try? DataFile.openForReading(positionPath).readAll(),
            let timeFile = try? DataFile.openForReading(timePath).readAll()
        else {
            return mayBeMissing
                ? nil : "index files of the segment are missing (the writer rebuilds them when it opens)"
        }
        guard let onDisk = SparseIndex.parse(positionFile: positionFile, timeFile: timeFile, interval: 0),
            onDisk.entries.first == state.index.entries.first,
            Set(onDisk.entries).isSubset(of: state.index.entries),
            zip(onDisk.entries, onDisk.entries.dropFirst()).allSatisfy({ $0.position < $1.position })
        else { return "index files do not match the segment's batches (the writer rebuilds them when it opens)" }
        return nil
    }
}
