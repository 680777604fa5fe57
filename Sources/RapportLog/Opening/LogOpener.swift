import Crypto
import RapportTime

/// Opens a data directory: checks the sealed segments, recovers the unsealed tail, rebuilds the indexes.
struct LogOpener {
    /// Everything the log needs to start.
    struct Opened {
        var segments: [SegmentState] = []
        var streams = StreamIndex()
        var endPosition: UInt64 = 0
        var lastBatchHash = ChainHash.zero
        var lastRecordedAt = Timestamp(microsecondsSinceEpoch: Int64.min)
        /// The writer's view of the active segment (writable opens only).
        var active: ActiveSegment?
        var report = RecoveryReport()
    }

    let directory: DataDirectory
    let options: LogOptions
    /// Whether to repair (truncate the damaged tail, write missing indexes, start a segment).
    let writable: Bool
    /// Whether to keep the stream index; a writer always does.
    var streams: StreamIndexing = .indexed

    /// Opens the log, from a checkpoint when one is given and still fits the log.
    ///
    /// A checkpoint that does not fit (see ``LogCheckpoint``), or that leads to anything a full open would call
    /// damage, is set aside and the log opened without it; ``RecoveryReport/rejectedCheckpoint`` says why.
    ///
    /// - Parameter checkpoint: The index state of the log up to a position, or `nil` to read every batch.
    /// - Returns: The state of the log.
    /// - Throws: ``LogError/Code/corruptData`` when a sealed segment is damaged (run verify to locate it),
    ///   ``LogError/Code/directoryUnavailable`` or ``LogError/Code/ioFailure``.
    func open(checkpoint: LogCheckpoint? = nil) throws -> Opened {
        let bases = try directory.segmentBases()
        guard let checkpoint else { return try open(bases: bases, restoring: nil) }
        let reason: String
        do {
            let restoring = try prepare(checkpoint, bases: bases)
            var opened = try open(bases: bases, restoring: restoring)
            opened.report.indexCheckpoint = checkpoint.position
            return opened
        } catch let rejection as CheckpointRejection {
            reason = rejection.reason
        } catch let error as LogError where error.code == .corruptData {
            reason = error.message
        }
        var opened = try open(bases: bases, restoring: nil)
        opened.report.rejectedCheckpoint = reason
        return opened
    }

    private func open(bases: [UInt64], restoring: Restoring?) throws -> Opened {
        var opened = Opened(streams: restoring?.checkpoint.streams ?? StreamIndex(streams))
        var previousFooter: SegmentFooter?
        for (number, base) in bases.enumerated() {
            let isLast = number == bases.count - 1
            let path = directory.segmentPath(base: base)
            let file =
                try writable && isLast ? DataFile.openForWriting(path, create: false) : DataFile.openForReading(path)
            let size = try file.size()
            let summary = restoring?.segment(number, file: file, interval: options.indexInterval)
            guard let header = try file.segmentHeader() else {
                // The header is synced before any batch is written, so only a file no longer than a header
                // can be a segment whose creation was cut short; anything longer is damage, never discarded.
                guard isLast, size <= UInt64(SegmentHeader.size), summary == nil else {
                    throw LogError(.corruptData, "segment \(path) has a damaged header; run verify")
                }
                try resetTornSegment(file, base: base, size: size, previousFooter: previousFooter, into: &opened)
                continue
            }
            try checkLink(header, path: path, expectedBase: base, opened: opened, previousFooter: previousFooter)
            let footer = try file.segmentFooter(size: size)
            let loader = SegmentLoader(file: file, header: header, indexInterval: options.indexInterval)
            if let footer {
                var loaded = try loadSealed(loader, footer: footer, from: summary, into: &opened)
                try check(loaded, against: footer, path: path)
                loaded.state.footer = footer
                try loadIndexes(of: loaded.state, into: &opened)
                opened.segments.append(loaded.state)
                opened.endPosition = loaded.state.endPosition
                opened.lastBatchHash = footer.lastBatchHash
                opened.lastRecordedAt = max(opened.lastRecordedAt, footer.lastTimestamp)
                previousFooter = footer
            } else {
                guard isLast else {
                    throw LogError(
                        .corruptData,
                        "segment \(path) is not sealed but is not the last segment; run verify"
                    )
                }
                let loaded = try loader.load(
                    end: size,
                    streams: &opened.streams,
                    hashing: .batches,
                    resuming: summary?.resumption
                )
                try recoverTail(loaded, header: header, size: size, into: &opened)
            }
        }
        opened.report.segmentCount = opened.segments.count
        if writable, opened.active == nil {
            try startSegment(previousFooter: previousFooter, into: &opened)
        }
        opened.report.recordCount = opened.endPosition
        return opened
    }

    private func checkLink(
        _ header: SegmentHeader,
        path: String,
        expectedBase: UInt64,
        opened: Opened,
        previousFooter: SegmentFooter?
    ) throws {
        guard header.basePosition == expectedBase, header.basePosition == opened.endPosition else {
            throw LogError(
                .corruptData,
                "segment \(path) starts at position \(header.basePosition), expected \(opened.endPosition)"
            )
        }
        guard header.previousSegmentHash == (previousFooter?.segmentHash ?? .zero),
            header.previousBatchHash == opened.lastBatchHash
        else {
            throw LogError(.corruptData, "segment \(path) does not link to the segment before it; run verify")
        }
    }

    private func check(_ loaded: SegmentLoader.Loaded, against footer: SegmentFooter, path: String) throws {
        if let damage = loaded.damage {
            throw LogError(
                .corruptData,
                "sealed segment \(path) is damaged at byte \(damage.offset) (position \(damage.position)): "
                    + "\(damage.reason); run verify"
            )
        }
        let state = loaded.state
        guard state.batchCount == footer.batchCount, state.recordCount == footer.recordCount,
            state.endPosition == footer.lastPosition + 1, state.dataEnd == footer.dataEnd
        else {
            throw LogError(.corruptData, "sealed segment \(path) does not match its footer; run verify")
        }
    }

    private func loadIndexes(of state: SegmentState, into opened: inout Opened) throws {
        let positionPath = directory.positionIndexPath(base: state.base)
        let timePath = directory.timeIndexPath(base: state.base)
        let onDisk = SparseIndex.parse(
            positionFile: (try? DataFile.openForReading(positionPath).readAll()) ?? [],
            timeFile: (try? DataFile.openForReading(timePath).readAll()) ?? [],
            interval: options.indexInterval
        )
        if let onDisk, onDisk.hasSameEntries(as: state.index) {
            return
        }
        guard writable else { return }
        try directory.replaceAtomically(state.index.fileBytes(.position), at: positionPath)
        try directory.replaceAtomically(state.index.fileBytes(.time), at: timePath)
        opened.report.rebuiltIndexes.append(DataDirectory.baseName(state.base) + ".index")
        opened.report.rebuiltIndexes.append(DataDirectory.baseName(state.base) + ".timeindex")
    }

    private func recoverTail(
        _ loaded: SegmentLoader.Loaded,
        header: SegmentHeader,
        size: UInt64,
        into opened: inout Opened
    ) throws {
        let state = loaded.state
        opened.report.scannedTailBytes = size - min(size, loaded.resumedAt ?? 0)
        if let damage = loaded.damage {
            opened.report.truncation = RecoveryReport.Truncation(
                segmentFile: DataDirectory.baseName(state.base) + ".log",
                offset: damage.offset,
                bytesRemoved: size - damage.offset,
                fromPosition: damage.position,
                reason: damage.reason
            )
            if writable {
                try state.file.truncate(to: damage.offset)
                try state.file.sync()
            }
        }
        opened.segments.append(state)
        opened.endPosition = state.endPosition
        opened.lastBatchHash = loaded.lastBatchHash
        if let last = loaded.lastRecordedAt {
            opened.lastRecordedAt = max(opened.lastRecordedAt, last)
        }
        if writable {
            opened.active = ActiveSegment(
                header: header,
                file: state.file,
                lastBatchHash: loaded.lastBatchHash,
                dataEnd: state.dataEnd,
                endPosition: state.endPosition,
                batchCount: state.batchCount,
                firstTimestamp: state.firstTimestamp,
                lastTimestamp: state.lastTimestamp,
                cadence: state.index.cadenceAfterLoading
            )
        }
    }

    /// A last segment whose header never reached the disk whole: it holds no batch, so it starts again.
    private func resetTornSegment(
        _ file: DataFile,
        base: UInt64,
        size: UInt64,
        previousFooter: SegmentFooter?,
        into opened: inout Opened
    ) throws {
        guard writable else { return }
        opened.report.truncation = RecoveryReport.Truncation(
            segmentFile: DataDirectory.baseName(base) + ".log",
            offset: 0,
            bytesRemoved: size,
            fromPosition: base,
            reason: "segment header is incomplete or damaged"
        )
        try file.truncate(to: 0)
        try startSegment(previousFooter: previousFooter, into: &opened, reusing: file)
    }

    /// Creates (or rewrites) the segment that starts at the current end of the log.
    private func startSegment(
        previousFooter: SegmentFooter?,
        into opened: inout Opened,
        reusing existing: DataFile? = nil
    ) throws {
        let header = SegmentHeader(
            basePosition: opened.endPosition,
            previousSegmentHash: previousFooter?.segmentHash ?? .zero,
            previousBatchHash: opened.lastBatchHash
        )
        let file =
            try existing ?? DataFile.openForWriting(directory.segmentPath(base: header.basePosition), create: true)
        try file.write(header.bytes, at: 0)
        try file.sync()
        try directory.sync()
        let active = ActiveSegment(header: header, file: file, indexInterval: options.indexInterval)
        opened.active = active
        opened.segments.append(active.emptyState(indexInterval: options.indexInterval))
        opened.report.segmentCount = opened.segments.count
    }
}
