import Foundation

/// Writes records into a batch's uncompressed block.
enum RecordEncoder {
    /// The encoded size of a record.
    ///
    /// - Parameter record: The record.
    /// - Returns: Its size in the uncompressed block.
    static func encodedSize(of record: ProposedRecord) -> Int {
        RecordLayout.fixedSize + record.streamId.utf8.count + record.type.utf8.count + record.metadata.count
            + record.payload.count
    }

    /// Appends one record.
    ///
    /// - Parameters:
    ///   - record: The record; its fields were validated by ``RecordValidation``.
    ///   - streamVersion: The version the writer gave it.
    ///   - recordedAt: The time the writer gave it.
    ///   - buffer: The block being built.
    static func encode(
        _ record: ProposedRecord,
        streamVersion: UInt64,
        recordedAt: Timestamp,
        into buffer: inout [UInt8]
    ) {
        let streamIdLength = record.streamId.utf8.count
        let typeLength = record.type.utf8.count
        let length = RecordLayout.fixedSize - 4 + streamIdLength + typeLength + record.metadata.count
            + record.payload.count
        buffer.appendLittleEndian(UInt32(length))
        buffer.appendLittleEndian(streamVersion)
        buffer.appendLittleEndian(recordedAt.microsecondsSinceEpoch)
        buffer.appendLittleEndian((record.occurredAt ?? recordedAt).microsecondsSinceEpoch)
        withUnsafeBytes(of: record.id.uuid) { buffer.append(contentsOf: $0) }
        buffer.appendLittleEndian(UInt16(streamIdLength))
        buffer.appendLittleEndian(UInt16(typeLength))
        buffer.appendLittleEndian(UInt32(record.metadata.count))
        buffer.appendLittleEndian(UInt32(record.payload.count))
        buffer.append(contentsOf: record.streamId.utf8)
        buffer.append(contentsOf: record.type.utf8)
        buffer.append(contentsOf: record.metadata)
        buffer.append(contentsOf: record.payload)
    }
}
