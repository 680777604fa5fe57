/// The rules every proposed append must meet before it reaches the writer.
enum RecordValidation {
    /// Checks an append's records and returns their encoded size.
    ///
    /// - Parameters:
    ///   - records: The records of one append.
    ///   - maximumSize: The largest encoded size allowed for one append.
    /// - Returns: The append's encoded size.
    /// - Throws: ``LogError/Code/invalidRecord`` naming the record and field, or
    ///   ``LogError/Code/appendTooLarge``.
    static func check(_ records: [ProposedRecord], maximumSize: Int) throws -> Int {
        guard !records.isEmpty else {
            throw LogError(.invalidRecord, "an append needs at least one record")
        }
        var size = 0
        for index in records.indices {
            try checkName(records[index].streamId, field: "streamId", record: index)
            try checkName(records[index].type, field: "type", record: index)
            size += RecordEncoder.encodedSize(of: records[index])
        }
        guard size <= maximumSize else {
            throw LogError(
                .appendTooLarge,
                "the append's \(records.count) records take \(size) bytes; one append may take at most \(maximumSize)"
            )
        }
        return size
    }

    private static func checkName(_ value: String, field: String, record: Int) throws {
        let length = value.utf8.count
        guard length > 0 else {
            throw LogError(.invalidRecord, "record \(record): \(field) must not be empty")
        }
        guard length <= RecordLayout.maximumNameLength else {
            throw LogError(
                .invalidRecord,
                "record \(record): \(field) is \(length) bytes; at most \(RecordLayout.maximumNameLength) are allowed"
            )
        }
    }
}
