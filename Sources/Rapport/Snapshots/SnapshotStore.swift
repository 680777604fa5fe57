import Foundation
import RapportCRM
import RapportLog
import RapportProjections
import RapportTime
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The snapshot files of a data directory, in its `snapshots` folder: writing one atomically, listing them
/// newest first, reading one, and pruning old ones.
final class SnapshotStore: Sendable {
    /// The folder's path.
    let directory: String
    /// The newest position whose snapshots an erasure shredded: no snapshot at or before it may be written again,
    /// since its read models would still hold the erased values.
    let erasedThrough = Mutex<UInt64?>(nil)

    /// The store of a data directory.
    ///
    /// - Parameter dataDirectory: The data directory.
    init(dataDirectory: String) {
        directory = dataDirectory + "/snapshots"
    }

    /// A snapshot file and what its header says, or why it can not be read.
    struct Listing: Sendable {
        /// The file's path.
        var path: String
        /// The header, when it reads.
        var header: SnapshotHeader?
        /// Why the header does not read.
        var problem: String?
    }

    /// The path of the snapshot standing for `position`.
    func path(for position: UInt64) -> String {
        let digits = String(position)
        return "\(directory)/\(String(repeating: "0", count: max(0, 20 - digits.count)))\(digits).snapshot"
    }

    /// The snapshot files, newest (highest position) first; files whose header does not read come last.
    func listings() -> [Listing] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let listings = names.filter { $0.hasSuffix(".snapshot") }.map { name in
            let path = "\(directory)/\(name)"
            do {
                return Listing(path: path, header: try readHeader(at: path))
            } catch {
                return Listing(path: path, problem: "\(error)")
            }
        }
        return listings.sorted { first, second in
            switch (first.header, second.header) {
            case (let a?, let b?): (a.position, a.createdAt, first.path) > (b.position, b.createdAt, second.path)
            case (.some, .none): true
            case (.none, .some): false
            case (.none, .none): first.path > second.path
            }
        }
    }

    /// Reads a snapshot's header only.
    ///
    /// - Parameter path: The file.
    /// - Returns: The header.
    /// - Throws: ``RapportError`` `snapshot_failure` naming the file and the damage.
    func readHeader(at path: String) throws -> SnapshotHeader {
        try withFile(at: path) { (reader: inout ByteReader) throws(BinaryFormatError) in
            try SnapshotFile.readHeader(from: &reader)
        }
    }

    /// Reads a snapshot, checking every section's checksum.
    ///
    /// With the decisions, the read models and the decision state are read at the same time, the decision state
    /// on a thread of its own, each reading its own mapping of the file: they are independent sections of about
    /// the same size, and reading them is most of the time an engine takes to open.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - includeDecisions: Whether to read the decision state and command results too.
    ///   - selection: The read models to decode; the others are left empty.
    /// - Returns: The header and the snapshot; without the decisions, its decision state and results are empty.
    /// - Throws: ``RapportError`` `snapshot_failure` naming the file and the damage.
    func read(
        at path: String,
        includeDecisions: Bool,
        models selection: ReadModels.Selection = .all
    ) throws -> (SnapshotHeader, Snapshot) {
        let header = try readHeader(at: path)
        let readModels = {
            Result {
                try self.readSections(at: path) { (reader: inout ByteReader) throws(BinaryFormatError) in
                    try SnapshotFile.readModels(of: header, from: &reader, only: selection)
                }
            }
        }
        guard includeDecisions else {
            let models = ProjectedModels(models: try readModels().get(), progress: header.models)
            return (
                header,
                Snapshot(models: models, decisions: DecisionState(), results: CommandResults(), decisionsPosition: 0)
            )
        }
        let (decisions, models) = Thread.both(
            named: "rapport-snapshot-decisions",
            {
                Result {
                    try self.readSections(at: path) { (reader: inout ByteReader) throws(BinaryFormatError) in
                        try SnapshotFile.readDecisions(of: header, from: &reader)
                    }
                }
            },
            readModels
        )
        let (decisionState, results) = try decisions.get()
        let snapshot = Snapshot(
            models: ProjectedModels(models: try models.get(), progress: header.models),
            decisions: decisionState,
            results: results,
            decisionsPosition: header.decisionsPosition
        )
        return (header, snapshot)
    }

    /// Reads what comes after a snapshot's header with `body`.
    private func readSections<Value>(
        at path: String,
        _ body: (inout ByteReader) throws(BinaryFormatError) -> Value
    ) throws -> Value {
        try withFile(at: path) { (reader: inout ByteReader) throws(BinaryFormatError) in
            _ = try SnapshotFile.readHeader(from: &reader)
            return try body(&reader)
        }
    }

    /// Reads a snapshot's copy of the log's index, checking its checksum but not yet that it fits the log.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - streams: ``RapportLog/StreamIndexing/notIndexed`` to pass over the stream index, for a log read by
    ///     position only.
    /// - Returns: The checkpoint, or `nil` when the file is of format 1 and has none.
    /// - Throws: ``RapportError`` `snapshot_failure` naming the file and the damage.
    func readIndex(at path: String, streams: StreamIndexing = .indexed) throws -> LogCheckpoint? {
        try withFile(at: path) { (reader: inout ByteReader) throws(BinaryFormatError) in
            let header = try SnapshotFile.readHeader(from: &reader)
            return try SnapshotFile.readIndex(of: header, from: &reader, streams: streams)
        }
    }

    /// Writes a snapshot atomically: a temporary file, synced, renamed into place, then the folder synced.
    ///
    /// - Parameters:
    ///   - header: The snapshot's header.
    ///   - parts: The file's bytes in parts, as
    ///     ``SnapshotFile/encode(_:index:modelsLastEventId:decisionsLastEventId:createdAt:)`` gives them.
    /// - Returns: The file's path.
    /// - Throws: ``RapportError`` `snapshot_failure`, also when an erasure shredded the snapshots at its position
    ///   meanwhile.
    @discardableResult
    func write(header: SnapshotHeader, parts: [[UInt8]]) throws -> String {
        let folder = DataDirectory(path: directory)
        let target = path(for: header.position)
        try erasedThrough.withLock { erased in
            if let erased, header.position <= erased {
                throw RapportError(
                    .snapshotFailure,
                    "snapshot \(target) was not written: personal data was erased at position \(erased), after it"
                )
            }
            do {
                try folder.create()
                try folder.replaceAtomically(parts: parts, at: target)
            } catch {
                throw RapportError(.snapshotFailure, "cannot write snapshot \(target): \(error)", cause: error)
            }
        }
        return target
    }

    /// Removes all but the newest `keep` snapshots that read, and every file whose header does not read.
    ///
    /// - Parameter keep: How many to keep.
    /// - Returns: The paths removed.
    @discardableResult
    func prune(keep: Int) -> [String] {
        var kept = 0
        var removed: [String] = []
        for listing in listings() {
            if listing.header != nil, kept < keep {
                kept += 1
                continue
            }
            if unlink(listing.path) == 0 { removed.append(listing.path) }
        }
        return removed
    }

    private func withFile<Result>(
        at path: String,
        _ body: (inout ByteReader) throws(BinaryFormatError) -> Result
    ) throws -> Result {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw RapportError(.snapshotFailure, "cannot read snapshot \(path): \(error)", cause: error)
        }
        do {
            return try data.withUnsafeBytes { bytes throws(BinaryFormatError) in
                var reader = ByteReader(bytes, sharesStrings: false)
                return try body(&reader)
            }
        } catch {
            throw RapportError(.snapshotFailure, "snapshot \(path) is damaged: \(error)", cause: error)
        }
    }
}
