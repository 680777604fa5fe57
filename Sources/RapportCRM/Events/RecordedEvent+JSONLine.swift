extension RecordedEvent {
    /// Appends the event as one line of the `jsonl` export, without the line's end: `{"data", "eventId",
    /// "metadata", "occurredAt", "position", "recordedAt", "stream", "streamVersion", "type"}`, where `metadata`
    /// holds `actor`, `causationId`, `commandId`, `correlationId`, `provenance` (`batchId`, `file`, `row`) and
    /// `schemaVersion`, the ids and provenance an event lacks being `null`.
    ///
    /// Keys are sorted and the JSON is compact, so the same event always gives the same bytes.
    ///
    /// - Parameter bytes: Where to write.
    public func appendJSONLine(to bytes: inout [UInt8]) {
        EventLineForm.append(self, to: &bytes)
    }
}
