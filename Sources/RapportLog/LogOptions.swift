/// How an append becomes durable before it is acknowledged.
public enum Durability: Hashable, Sendable, CustomStringConvertible {
    /// Every group commit is synced to disk (`fdatasync`) before its appends return. The default.
    case fsync
    /// Writes are synced at most every `milliseconds`; appends return after the sync that covers them.
    case batched(milliseconds: Int)
    /// Appends return once written to the operating system; the log is synced when a segment is sealed and
    /// when the log is closed. For bulk loads that can be re-run after a crash.
    case none

    /// `fsync`, `batched` or `none`.
    public var description: String {
        switch self {
        case .fsync: "fsync"
        case .batched(let milliseconds): "batched(\(milliseconds)ms)"
        case .none: "none"
        }
    }
}

/// Settings for opening a log.
public struct LogOptions: Hashable, Sendable {
    /// When appends are acknowledged.
    public var durability: Durability = .fsync
    /// The size at which the active segment is sealed and a new one started.
    public var segmentSize: Int = 64 << 20
    /// The uncompressed size up to which one group commit's appends share a batch.
    public var batchSize: Int = 256 << 10
    /// The distance, in bytes of batches, between sparse index entries.
    public var indexInterval: Int = 4096
    /// The largest encoded size of one append; every append is a single batch, so it is atomic on disk.
    public var maximumAppendSize: Int = 16 << 20

    /// Creates options.
    ///
    /// - Parameters:
    ///   - durability: When appends are acknowledged (`fsync` by default).
    ///   - segmentSize: The roll size of segments (64 MiB by default).
    public init(durability: Durability = .fsync, segmentSize: Int = 64 << 20) {
        self.durability = durability
        self.segmentSize = segmentSize
    }
}
