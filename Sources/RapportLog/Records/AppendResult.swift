public import RapportTime

/// What a successful append gives back.
public struct AppendResult: Hashable, Sendable {
    /// One entry per appended record, in the order given.
    public struct Entry: Hashable, Sendable {
        /// The record's global position.
        public var position: UInt64
        /// The record's stream.
        public var streamId: String
        /// The record's version within its stream.
        public var streamVersion: UInt64
    }

    /// The appended records' positions and versions, in the order given.
    public var entries: [Entry]
    /// The time the writer gave every record of this append.
    public var recordedAt: Timestamp

    /// The first position of the append.
    public var firstPosition: UInt64? { entries.first?.position }
    /// The last position of the append.
    public var lastPosition: UInt64? { entries.last?.position }
}
