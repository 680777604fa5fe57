public import Foundation
public import RapportTime

/// A record decoded in place from a batch's block, without copying its bytes.
///
/// The byte fields point into a buffer the log reuses: they are valid only inside the closure that received
/// the view. Call ``record`` to keep a copy.
public struct RecordView {
    /// The record's global position.
    public let position: UInt64
    /// The record's version within its stream.
    public let streamVersion: UInt64
    /// When the writer appended the record.
    public let recordedAt: Timestamp
    /// When the recorded fact happened.
    public let occurredAt: Timestamp
    /// The stream id's UTF-8 bytes.
    public let streamIdBytes: UnsafeRawBufferPointer
    /// The type's UTF-8 bytes.
    public let typeBytes: UnsafeRawBufferPointer
    /// The metadata bytes.
    public let metadataBytes: UnsafeRawBufferPointer
    /// The payload bytes.
    public let payloadBytes: UnsafeRawBufferPointer
    private let idBytes: UnsafeRawBufferPointer

    /// The record's size in the block, including its length field.
    let encodedSize: Int

    /// Decodes the record at `offset`, or returns `nil` when its lengths do not fit the block.
    @inline(__always)
    init?(block: UnsafeRawBufferPointer, offset: Int, position: UInt64) {
        guard block.count - offset >= RecordLayout.fixedSize else { return nil }
        let length = Int(block.littleEndian(at: offset, as: UInt32.self))
        let end = offset + 4 + length
        guard length >= RecordLayout.fixedSize - 4, end <= block.count else { return nil }
        let streamIdLength = Int(block.littleEndian(at: offset + RecordLayout.streamIdLengthOffset, as: UInt16.self))
        let typeLength = Int(block.littleEndian(at: offset + RecordLayout.typeLengthOffset, as: UInt16.self))
        let metadataLength = Int(block.littleEndian(at: offset + RecordLayout.metadataLengthOffset, as: UInt32.self))
        let payloadLength = Int(block.littleEndian(at: offset + RecordLayout.payloadLengthOffset, as: UInt32.self))
        let streamIdStart = offset + RecordLayout.fixedSize
        let typeStart = streamIdStart + streamIdLength
        let metadataStart = typeStart + typeLength
        let payloadStart = metadataStart + metadataLength
        guard payloadStart + payloadLength == end else { return nil }
        self.position = position
        self.streamVersion = block.littleEndian(at: offset + RecordLayout.streamVersionOffset)
        self.recordedAt = Timestamp(
            microsecondsSinceEpoch: block.littleEndian(at: offset + RecordLayout.recordedAtOffset)
        )
        self.occurredAt = Timestamp(
            microsecondsSinceEpoch: block.littleEndian(at: offset + RecordLayout.occurredAtOffset)
        )
        self.idBytes = UnsafeRawBufferPointer(rebasing: block[(offset + RecordLayout.idOffset)..<(offset + 44)])
        self.streamIdBytes = UnsafeRawBufferPointer(rebasing: block[streamIdStart..<typeStart])
        self.typeBytes = UnsafeRawBufferPointer(rebasing: block[typeStart..<metadataStart])
        self.metadataBytes = UnsafeRawBufferPointer(rebasing: block[metadataStart..<payloadStart])
        self.payloadBytes = UnsafeRawBufferPointer(rebasing: block[payloadStart..<end])
        self.encodedSize = end - offset
    }

    /// The record's unique id.
    public var id: UUID {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: idBytes) }
        return UUID(uuid: uuid)
    }

    /// The stream id as text.
    public var streamId: String { String(decoding: streamIdBytes, as: UTF8.self) }

    /// The type as text.
    public var type: String { String(decoding: typeBytes, as: UTF8.self) }

    /// A copy of the record that outlives the view.
    public var record: LogRecord {
        LogRecord(
            position: position,
            id: id,
            streamId: streamId,
            streamVersion: streamVersion,
            type: type,
            recordedAt: recordedAt,
            occurredAt: occurredAt,
            metadata: Array(metadataBytes),
            payload: Array(payloadBytes)
        )
    }
}
