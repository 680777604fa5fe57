/// Where each stream's records are: the positions of its records, in version order.
///
/// Kept in memory and rebuilt on open; a stream's version is the number of its records.
struct StreamIndex: Sendable {
    private var positions: [String: [UInt64]] = [:]

    /// The number of streams.
    var count: Int { positions.count }

    /// A stream's version: the number of its records, 0 when it does not exist.
    func version(of streamId: String) -> UInt64 {
        UInt64(positions[streamId]?.count ?? 0)
    }

    /// The positions of a stream's records, in version order (empty when the stream does not exist).
    func positions(of streamId: String) -> [UInt64] {
        positions[streamId] ?? []
    }

    /// Whether any record was appended to the stream.
    func contains(_ streamId: String) -> Bool {
        positions[streamId] != nil
    }

    /// Records that the next version of a stream is at `position`.
    mutating func add(streamId: String, position: UInt64) {
        positions[streamId, default: []].append(position)
    }

    /// Records a stream's record read from the log, checking that versions follow each other.
    ///
    /// - Returns: `false` when `version` is not the stream's next version.
    mutating func add(streamIdBytes: UnsafeRawBufferPointer, version: UInt64, position: UInt64) -> Bool {
        let streamId = String(decoding: streamIdBytes, as: UTF8.self)
        let expected = UInt64(positions[streamId]?.count ?? 0) + 1
        guard version == expected else { return false }
        positions[streamId, default: []].append(position)
        return true
    }
}
