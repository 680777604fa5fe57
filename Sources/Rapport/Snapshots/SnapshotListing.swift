import Foundation
public import RapportProjections
public import RapportTime

/// The snapshots of a data directory as a report: newest first, each with its positions, times, size and read
/// model versions, or what is wrong with it.
public struct SnapshotListing: TabularReport {
    /// One snapshot file.
    public struct Entry: Encodable, Sendable {
        /// The file.
        public var path: String
        /// Its size in bytes.
        public var bytes: UInt64
        /// The position it stands for.
        public var position: UInt64?
        /// When it was written.
        public var createdAt: Timestamp?
        /// The events folded into its read models.
        public var modelsPosition: UInt64?
        /// The events folded into its decision state.
        public var decisionsPosition: UInt64?
        /// The read models' versions.
        public var models: [String: Int]?
        /// What is wrong with it, when its header does not read.
        public var problem: String?
    }

    /// The snapshots, newest first.
    public var snapshots: [Entry]

    /// Lists a data directory's snapshots.
    ///
    /// - Parameter directory: The data directory.
    public init(directory: String) {
        snapshots = SnapshotStore(dataDirectory: directory).listings().map { listing in
            let size =
                (try? FileManager.default.attributesOfItem(atPath: listing.path)[.size] as? NSNumber)?
                .uint64Value ?? 0
            return Entry(
                path: listing.path,
                bytes: size,
                position: listing.header?.position,
                createdAt: listing.header?.createdAt,
                modelsPosition: listing.header?.models.position,
                decisionsPosition: listing.header?.decisionsPosition,
                models: listing.header?.modelVersions,
                problem: listing.problem
            )
        }
    }

    public var tables: [ReportTable] {
        [
            ReportTable(
                title: "Snapshots",
                columns: ["position", "created", "bytes", "models", "file", "problem"],
                rows: snapshots.map { entry in
                    [
                        entry.position.map(String.init) ?? "",
                        entry.createdAt.map(\.description) ?? "",
                        String(entry.bytes),
                        (entry.models ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) v\($0.value)" }
                            .joined(separator: " "),
                        entry.path,
                        entry.problem ?? "",
                    ]
                }
            )
        ]
    }
}
