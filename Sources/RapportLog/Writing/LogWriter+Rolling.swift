import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LogWriter {
    /// Seals the active segment (footer, sync, index files) and starts the next one.
    ///
    /// - Throws: ``LogError/Code/ioFailure``; a half-made next segment file is removed again, and the caller
    ///   truncates the footer away, so the log stays as it was.
    func roll() throws {
        syncAndAcknowledge()
        if let failure { throw failure }
        let directory = core.directory
        let footer = try committed.footer()
        try committed.file.write(footer.bytes, at: committed.dataEnd)
        try committed.file.sync()
        let index = core.state.withLock { $0.segments[$0.segments.count - 1].index }
        try directory.replaceAtomically(
            index.fileBytes(.position),
            at: directory.positionIndexPath(base: committed.header.basePosition)
        )
        try directory.replaceAtomically(
            index.fileBytes(.time),
            at: directory.timeIndexPath(base: committed.header.basePosition)
        )
        let header = SegmentHeader(
            basePosition: committed.endPosition,
            previousSegmentHash: footer.segmentHash,
            previousBatchHash: committed.lastBatchHash
        )
        let path = directory.segmentPath(base: header.basePosition)
        let file = try DataFile.openForWriting(path, create: true)
        do {
            try file.write(header.bytes, at: 0)
            try file.sync()
            try directory.sync()
        } catch {
            unlink(path)
            throw error
        }
        let active = ActiveSegment(header: header, file: file, indexInterval: core.options.indexInterval)
        core.state.withLock { state in
            state.segments[state.segments.count - 1].footer = footer
            state.segments.append(active.emptyState(indexInterval: core.options.indexInterval))
        }
        committed = active
        tentative = active
    }
}
