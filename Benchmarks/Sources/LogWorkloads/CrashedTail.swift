import Foundation
public import RapportLog

#if canImport(Glibc)
import Glibc
#endif

/// A log as a crash leaves it: one unsealed segment full of batches, with a torn batch at its end.
public enum CrashedTail {
    /// The active segment's file name in a log that has never rolled.
    private static let segmentName = "00000000000000000000.log"

    /// Fills a new log until its one, unsealed segment holds at least `bytes` bytes, then closes it.
    ///
    /// The segment size is set far above `bytes`, so the segment is never sealed and gets no footer.
    ///
    /// - Parameters:
    ///   - directory: An empty data directory.
    ///   - bytes: The size the segment must reach.
    /// - Returns: The number of records written.
    /// - Throws: ``LogError`` from the log, or a file error.
    public static func prepare(directory: String, bytes: Int) async throws -> Int {
        let log = try EventLog.open(
            directory: directory,
            options: LogOptions(durability: .none, segmentSize: bytes * 4)
        )
        let path = (directory as NSString).appendingPathComponent(segmentName)
        var written = 0
        let step = 10_000
        while try segmentSize(path) < bytes {
            for append in BenchmarkRecords.appends(written..<(written + step), recordsPerAppend: 1000) {
                _ = try await log.append(append)
            }
            written += step
        }
        await log.close()
        return written
    }

    /// Appends the first half of the segment's first batch after its last one and syncs it, as a crash in the
    /// middle of a write leaves the file.
    ///
    /// - Parameter directory: A directory made by ``prepare(directory:bytes:)``.
    /// - Throws: A file error.
    public static func tear(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent(segmentName)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: 88)
        // The batch header is 80 bytes; its stored-block size is the little-endian UInt32 at byte 12.
        let header = try handle.read(upToCount: 80) ?? Data()
        guard header.count == 80 else { return }
        let storedSize = header.withUnsafeBytes {
            UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        }
        let batchSize = 80 + Int(storedSize)
        try handle.seek(toOffset: 88)
        let firstHalf = try handle.read(upToCount: batchSize / 2) ?? Data()
        try handle.seekToEnd()
        try handle.write(contentsOf: firstHalf)
        try handle.synchronize()
    }

    /// Asks the kernel to drop the directory's segment from its page cache, so the next open reads the disk.
    ///
    /// - Parameter directory: The data directory; its files must be synced.
    public static func evictFromCache(directory: String) {
        let path = (directory as NSString).appendingPathComponent(segmentName)
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
        Glibc.close(descriptor)
    }

    /// Opens the log for writing, timing the open (recovery included), then closes it.
    ///
    /// - Parameter directory: The data directory.
    /// - Returns: The time `EventLog.open` took and what it reported.
    /// - Throws: ``LogError`` from the log.
    public static func open(directory: String) async throws -> (Duration, RecoveryReport) {
        let clock = ContinuousClock()
        let start = clock.now
        let log = try EventLog.open(directory: directory)
        let elapsed = clock.now - start
        let report = log.recoveryReport
        await log.close()
        return (elapsed, report)
    }

    private static func segmentSize(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
}
