import RapportTime

/// A segment's sparse indexes: every so many bytes, the batch that starts there with its position and time.
///
/// On disk they are two files per sealed segment, `<base>.index` (position to byte offset) and
/// `<base>.timeindex` (record time to position); in memory one sorted list serves both, because the writer
/// never lets record times go backwards.
struct SparseIndex: Hashable, Sendable {
    /// One indexed batch.
    struct Entry: Hashable, Sendable {
        /// The batch's first position.
        var position: UInt64
        /// The batch's byte offset in the segment file.
        var offset: UInt64
        /// The batch's first record time.
        var timestamp: Timestamp
    }

    /// Decides which batches get an entry: the first of a segment, then the first after every `interval` bytes.
    struct Cadence: Hashable, Sendable {
        /// The distance, in bytes of batches, between entries.
        let interval: Int
        private var bytesSinceEntry: Int?

        init(interval: Int) {
            self.interval = interval
        }

        /// Notes a batch and returns its entry when one is due.
        mutating func entry(for header: BatchHeader, at offset: UInt64) -> Entry? {
            defer { bytesSinceEntry = (bytesSinceEntry ?? 0) + header.totalSize }
            guard let bytes = bytesSinceEntry, bytes < interval else {
                bytesSinceEntry = 0
                return Entry(position: header.basePosition, offset: offset, timestamp: header.firstTimestamp)
            }
            return nil
        }
    }

    /// The entries, in file order.
    private(set) var entries: [Entry] = []
    private var cadence: Cadence

    /// Creates an empty index.
    ///
    /// - Parameter interval: The distance, in bytes of batches, between entries.
    init(interval: Int) {
        self.cadence = Cadence(interval: interval)
    }

    /// Notes a batch found in the segment, adding an entry when one is due.
    ///
    /// - Parameters:
    ///   - header: The batch's header.
    ///   - offset: The batch's byte offset.
    mutating func note(_ header: BatchHeader, at offset: UInt64) {
        if let entry = cadence.entry(for: header, at: offset) {
            entries.append(entry)
        }
    }

    /// Where the cadence stands after the last batch noted, so a writer can continue the segment's index.
    var cadenceAfterLoading: Cadence { cadence }

    /// Adds an entry the writer's own cadence produced.
    mutating func append(_ entry: Entry) {
        entries.append(entry)
    }

    /// The last entry at or before a position: where to start reading to find it.
    ///
    /// - Parameter position: The position sought.
    /// - Returns: The entry, or `nil` when the position is before the first entry.
    func entry(atOrBefore position: UInt64) -> Entry? {
        lastEntry { $0.position <= position }
    }

    /// The last entry whose batch started before a time: reading from it finds the first record at or after it.
    ///
    /// - Parameter time: The time sought.
    /// - Returns: The entry, or `nil` when the first batch already starts at or after `time`.
    func entry(before time: Timestamp) -> Entry? {
        lastEntry { $0.timestamp < time }
    }

    /// Whether two indexes hold the same entries.
    func hasSameEntries(as other: SparseIndex) -> Bool {
        entries == other.entries
    }

    private func lastEntry(where isBefore: (Entry) -> Bool) -> Entry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(entries[middle]) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? nil : entries[low - 1]
    }
}
