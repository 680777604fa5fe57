import RapportCRM
import RapportTime

extension AccountsModel {
    /// An account's latest activities and tasks, newest first by business time (then by id), at most
    /// ``limit`` of them: an older entry is dropped when a newer one comes, so memory stays bounded however long
    /// the account's history grows.
    struct ActivityTimeline: Sendable, Hashable {
        /// How many entries an account keeps.
        static let limit = 50

        /// The entries, newest first.
        private(set) var entries: [ActivityRecord] = []

        /// An empty timeline.
        init() {}

        /// Puts an entry in its place, dropping the oldest when the timeline is full.
        ///
        /// - Parameter entry: The entry.
        /// - Returns: The entry dropped to stay within ``limit`` (`entry` itself when it is older than all of a
        ///   full timeline), if one was.
        mutating func insert(_ entry: ActivityRecord) -> ActivityRecord? {
            var low = 0
            var high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].precedes(entry) { low = middle + 1 } else { high = middle }
            }
            guard low < Self.limit else { return entry }
            entries.insert(entry, at: low)
            return entries.count > Self.limit ? entries.removeLast() : nil
        }

        /// Takes an entry out.
        ///
        /// - Parameter id: The entry's id.
        /// - Returns: The entry, if the timeline held it.
        mutating func remove(_ id: RecordId) -> ActivityRecord? {
            guard let index = entries.firstIndex(where: { $0.id == id }) else { return nil }
            return entries.remove(at: index)
        }

        /// Marks a task completed.
        ///
        /// - Parameters:
        ///   - id: The task's id.
        ///   - at: When it was completed.
        mutating func complete(_ id: RecordId, at: Timestamp) {
            guard let index = entries.firstIndex(where: { $0.id == id }) else { return }
            entries[index].completedAt = at
        }
    }
}

extension AccountsModel.ActivityTimeline: AccountViewField {
    func write(to writer: inout ByteWriter) {
        entries.writeFields(to: &writer)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        var timeline = Self()
        timeline.entries = try .readFields(from: &reader, texts: texts)
        guard timeline.entries.count <= limit else {
            throw BinaryFormatError("timeline of \(timeline.entries.count) entries is longer than \(limit)")
        }
        for (earlier, later) in zip(timeline.entries, timeline.entries.dropFirst()) where !earlier.precedes(later) {
            throw BinaryFormatError("timeline entries \(earlier.id) and \(later.id) are out of order")
        }
        return timeline
    }
}
