import Foundation
import RapportTime

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
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: encodedSize(of: record)))
        buffer.withUnsafeMutableBytes { bytes in
            _ = write(record, streamVersion: streamVersion, recordedAt: recordedAt, into: bytes, at: start)
        }
    }

    /// Encodes an append's records ahead of the writer, leaving zero the fields only the writer knows: the stream
    /// version, the record time, and the business time of records that have none.
    ///
    /// The records go straight into one array of exactly their size: the appender's share of the work per record
    /// is then one copy per field.
    ///
    /// - Parameters:
    ///   - records: The validated records.
    ///   - size: Their encoded size, from ``RecordValidation``.
    /// - Returns: The encoded records, to be completed with
    ///   ``fillWriterFields(in:at:streamVersion:recordedAt:occurredAtMissing:)``.
    static func encodeAwaitingWriter(_ records: [ProposedRecord], size: Int) -> [UInt8] {
        let unknown = Timestamp(microsecondsSinceEpoch: 0)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            // `write` sets every byte of each record, and the records fill exactly `size` bytes (checked below),
            // so the whole array is initialized.
            let bytes = UnsafeMutableRawBufferPointer(buffer)
            var offset = 0
            for index in records.indices {
                offset = write(records[index], streamVersion: 0, recordedAt: unknown, into: bytes, at: offset)
            }
            precondition(offset == size, "the size was computed from the same records")
            count = offset
        }
    }

    /// Writes every byte of one record at `offset`.
    ///
    /// - Parameters:
    ///   - record: The record.
    ///   - streamVersion: Its stream version.
    ///   - recordedAt: Its record time, also its business time when it has none.
    ///   - bytes: A buffer with room for ``encodedSize(of:)`` bytes at `offset`.
    ///   - offset: Where the record starts.
    /// - Returns: The offset just after the record.
    private static func write(
        _ record: ProposedRecord,
        streamVersion: UInt64,
        recordedAt: Timestamp,
        into bytes: UnsafeMutableRawBufferPointer,
        at offset: Int
    ) -> Int {
        let size = encodedSize(of: record)
        precondition(offset + size <= bytes.count, "the buffer has room for the record")
        bytes.storeLittleEndian(UInt32(size - 4), at: offset + RecordLayout.lengthOffset)
        bytes.storeLittleEndian(streamVersion, at: offset + RecordLayout.streamVersionOffset)
        bytes.storeLittleEndian(recordedAt.microsecondsSinceEpoch, at: offset + RecordLayout.recordedAtOffset)
        bytes.storeLittleEndian(
            (record.occurredAt ?? recordedAt).microsecondsSinceEpoch,
            at: offset + RecordLayout.occurredAtOffset
        )
        withUnsafeBytes(of: record.id.uuid) { id in
            UnsafeMutableRawBufferPointer(
                rebasing: bytes[(offset + RecordLayout.idOffset)..<(offset + RecordLayout.streamIdLengthOffset)]
            )
            .copyMemory(from: id)
        }
        bytes.storeLittleEndian(UInt16(record.streamId.utf8.count), at: offset + RecordLayout.streamIdLengthOffset)
        bytes.storeLittleEndian(UInt16(record.type.utf8.count), at: offset + RecordLayout.typeLengthOffset)
        bytes.storeLittleEndian(UInt32(record.metadata.count), at: offset + RecordLayout.metadataLengthOffset)
        bytes.storeLittleEndian(UInt32(record.payload.count), at: offset + RecordLayout.payloadLengthOffset)
        var end = copy(record.streamId, into: bytes, at: offset + RecordLayout.fixedSize)
        end = copy(record.type, into: bytes, at: end)
        end = copy(record.metadata, into: bytes, at: end)
        return copy(record.payload, into: bytes, at: end)
    }

    private static func copy(_ text: String, into bytes: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<(offset + utf8.count)])
                .copyMemory(from: UnsafeRawBufferPointer(utf8))
            return offset + utf8.count
        }
    }

    private static func copy(_ data: [UInt8], into bytes: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        data.withUnsafeBytes { source in
            UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<(offset + source.count)]).copyMemory(from: source)
            return offset + source.count
        }
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
