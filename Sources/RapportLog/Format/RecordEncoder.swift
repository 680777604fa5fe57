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
    /// The fixed-size fields are laid out in a local 56-byte value and appended with one copy, then the four
    /// variable-length fields with one copy each: this runs for every record the writer writes.
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
        let length =
            RecordLayout.fixedSize - 4 + streamIdLength + typeLength + record.metadata.count
            + record.payload.count
        var fixed: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &fixed) { bytes in
            bytes.storeLittleEndian(UInt32(length), at: RecordLayout.lengthOffset)
            bytes.storeLittleEndian(streamVersion, at: RecordLayout.streamVersionOffset)
            bytes.storeLittleEndian(recordedAt.microsecondsSinceEpoch, at: RecordLayout.recordedAtOffset)
            bytes.storeLittleEndian(
                (record.occurredAt ?? recordedAt).microsecondsSinceEpoch,
                at: RecordLayout.occurredAtOffset
            )
            withUnsafeBytes(of: record.id.uuid) { id in
                UnsafeMutableRawBufferPointer(
                    rebasing: bytes[RecordLayout.idOffset..<RecordLayout.streamIdLengthOffset]
                )
                .copyMemory(from: id)
            }
            bytes.storeLittleEndian(UInt16(streamIdLength), at: RecordLayout.streamIdLengthOffset)
            bytes.storeLittleEndian(UInt16(typeLength), at: RecordLayout.typeLengthOffset)
            bytes.storeLittleEndian(UInt32(record.metadata.count), at: RecordLayout.metadataLengthOffset)
            bytes.storeLittleEndian(UInt32(record.payload.count), at: RecordLayout.payloadLengthOffset)
        }
        withUnsafeBytes(of: &fixed) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: record.streamId.utf8)
        buffer.append(contentsOf: record.type.utf8)
        buffer.append(contentsOf: record.metadata)
        buffer.append(contentsOf: record.payload)
    }

    /// Encodes an append's records ahead of the writer, leaving zero the fields only the writer knows: the stream
    /// version, the record time, and the business time of records that have none.
    ///
    /// - Parameters:
    ///   - records: The validated records.
    ///   - size: Their encoded size, from ``RecordValidation``.
    /// - Returns: The encoded records, to be completed with
    ///   ``fillWriterFields(in:at:streamVersion:recordedAt:occurredAtMissing:)``.
    static func encodeAwaitingWriter(_ records: [ProposedRecord], size: Int) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(size)
        let unknown = Timestamp(microsecondsSinceEpoch: 0)
        for index in records.indices {
            encode(records[index], streamVersion: 0, recordedAt: unknown, into: &buffer)
        }
        return buffer
    }

    /// Writes the writer's fields into one record encoded by ``encodeAwaitingWriter(_:size:)``.
    ///
    /// - Parameters:
    ///   - block: The block holding the record.
    ///   - offset: Where the record starts.
    ///   - streamVersion: The version the writer gave it.
    ///   - recordedAt: The time the writer gave it.
    ///   - occurredAtMissing: Whether the record came without a business time, which then is `recordedAt`.
    /// - Returns: The offset just after the record.
    @inline(__always)
    static func fillWriterFields(
        in block: UnsafeMutableRawBufferPointer,
        at offset: Int,
        streamVersion: UInt64,
        recordedAt: Timestamp,
        occurredAtMissing: Bool
    ) -> Int {
        block.storeLittleEndian(streamVersion, at: offset + RecordLayout.streamVersionOffset)
        block.storeLittleEndian(recordedAt.microsecondsSinceEpoch, at: offset + RecordLayout.recordedAtOffset)
        if occurredAtMissing {
            block.storeLittleEndian(recordedAt.microsecondsSinceEpoch, at: offset + RecordLayout.occurredAtOffset)
        }
        let length = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        return offset + 4 + Int(length)
    }
}
