/// The forms `rapport export` writes events in (docs/EXPORT.md).
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// One JSON object per line: position, event id, stream, stream version, type, both times, metadata, data.
    case jsonl
    /// One CloudEvents 1.0 JSON object per line, as `rapport events` prints them.
    case cloudevents
    /// RFC 4180 CSV with a header row, the event's data as compact JSON in the last column.
    case csv
}
