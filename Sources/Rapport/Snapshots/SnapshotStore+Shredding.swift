import Foundation
import Synchronization
import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SnapshotStore {
    /// Shreds every snapshot at or before a position, and every file whose header does not read: each is
    /// overwritten with zeros, synced and removed, and no snapshot at or before the position is written from then
    /// on. What an erasure does, since those snapshots' read models and decision state hold the erased values.
    ///
    /// - Parameter position: The position of the last event that erased personal data.
    /// - Returns: The paths shredded.
    /// - Throws: ``RapportError`` `snapshot_failure` naming a file that could not be shredded.
    @discardableResult
    func shred(through position: UInt64) throws -> [String] {
        try erasedThrough.withLock { erased in
            erased = max(erased ?? 0, position)
            var shredded: [String] = []
            for listing in listings() where listing.header.map({ $0.position <= position }) ?? true {
                try Self.shredFile(at: listing.path)
                shredded.append(listing.path)
            }
            return shredded
        }
    }

    /// Overwrites a file with zeros, syncs it and removes it.
    ///
    /// - Parameter path: The file.
    /// - Throws: ``RapportError`` `snapshot_failure`.
    private static func shredFile(at path: String) throws {
        do {
            let file = try FileDescriptor.open(FilePath(path), .writeOnly)
            try file.closeAfter {
                let size = try file.seek(offset: 0, from: .end)
                let zeros = [UInt8](repeating: 0, count: 1 << 20)
                var offset: Int64 = 0
                while offset < size {
                    let count = Int(min(Int64(zeros.count), size - offset))
                    offset += Int64(try file.writeAll(toAbsoluteOffset: offset, zeros.prefix(count)))
                }
                guard fsync(file.rawValue) == 0 else { throw Errno(rawValue: errno) }
            }
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw RapportError(.snapshotFailure, "cannot shred snapshot \(path): \(error)", cause: error)
        }
    }
}
