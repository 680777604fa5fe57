import Crypto
import RapportTime

/// Collects records into one batch and emits the batch's bytes: header, then the compressed block.
struct BatchEncoder {
    /// The bytes of a finished batch and what the writer needs to know about it.
    struct Emitted {
        var header: BatchHeader
        var hash: ChainHash
    }

    private(set) var block: [UInt8] = []
    private(set) var recordCount = 0
    private var firstTimestamp = Timestamp(microsecondsSinceEpoch: 0)
    private var lastTimestamp = Timestamp(microsecondsSinceEpoch: 0)
    /// LZ4's output, reused from batch to batch: ``compress()`` fills its first `compressedCount` bytes.
    private var compressed: [UInt8] = []
    /// The compressed size, or 0 when the block is stored as it is (or not compressed yet).
    private var compressedCount = 0

    /// The largest buffers kept from one batch to the next.
    private static let keptBufferSize = 8 << 20

    /// Whether no record was added since the last ``seal(basePosition:previousHash:into:)``.
    var isEmpty: Bool { recordCount == 0 }

    /// Adds one record to the batch.
    ///
    /// - Parameters:
    ///   - record: A validated record.
    ///   - streamVersion: The version the writer gave it.
    ///   - recordedAt: The time the writer gave it.
    mutating func add(_ record: ProposedRecord, streamVersion: UInt64, recordedAt: Timestamp) {
        if recordCount == 0 {
            firstTimestamp = recordedAt
        }
        lastTimestamp = recordedAt
        recordCount += 1
        RecordEncoder.encode(record, streamVersion: streamVersion, recordedAt: recordedAt, into: &block)
    }

    /// Adds an append's records, encoded beforehand by ``RecordEncoder/encodeAwaitingWriter(_:size:)``, and fills
    /// in the fields the writer gives them.
    ///
    /// - Parameters:
    ///   - encoded: The encoded records.
    ///   - heads: The same records' heads, for whether each has a business time.
    ///   - entries: Their versions, one entry per record.
    ///   - recordedAt: The time the writer gave them.
    mutating func add(
        encoded: [UInt8],
        heads: [PendingAppend.Head],
        entries: [AppendResult.Entry],
        recordedAt: Timestamp
    ) {
        precondition(heads.count == entries.count, "one entry per record")
        if recordCount == 0 {
            firstTimestamp = recordedAt
        }
        lastTimestamp = recordedAt
        recordCount += heads.count
        var offset = block.count
        block.append(contentsOf: encoded)
        block.withUnsafeMutableBytes { bytes in
            for index in heads.indices {
                offset = RecordEncoder.fillWriterFields(
                    in: bytes,
                    at: offset,
                    streamVersion: entries[index].streamVersion,
                    recordedAt: recordedAt,
                    occurredAtMissing: heads[index].occurredAtMissing
                )
            }
        }
    }

    /// Compresses the collected records into the encoder's own buffer, ready for
    /// ``seal(basePosition:previousHash:into:)``.
    ///
    /// Compression needs nothing from the rest of the log, so the batches of one write can compress at the same
    /// time (see ``compressAll(_:count:)``); only sealing chains them, in order.
    mutating func compress() {
        precondition(recordCount > 0, "an empty batch is never written")
        let bound = LZ4Block.maximumCompressedSize(for: block.count)
        if compressed.count < bound {
            compressed = [UInt8](repeating: 0, count: bound)
        }
        let size = compressed.withUnsafeMutableBytes { destination in
            block.withUnsafeBytes { source in
                LZ4Block.compress(source, into: UnsafeMutableRawBufferPointer(rebasing: destination[..<bound]))
            }
        }
        // A block LZ4 can not shrink is stored as it is.
        compressedCount = size.map { $0 < block.count ? $0 : 0 } ?? 0
    }

    /// Appends the compressed batch to `output`, header first, and starts a new batch.
    ///
    /// - Parameters:
    ///   - basePosition: The position of the batch's first record.
    ///   - previousHash: The hash of the batch before it in the log.
    ///   - output: The buffer the batch's bytes are appended to.
    /// - Returns: The header and the batch's hash.
    mutating func seal(basePosition: UInt64, previousHash: ChainHash, into output: inout [UInt8]) -> Emitted {
        precondition(recordCount > 0, "an empty batch is never written")
        var header = BatchHeader(
            compression: compressedCount > 0 ? .lz4 : .none,
            crc: 0,
            storedSize: UInt32(compressedCount > 0 ? compressedCount : block.count),
            uncompressedSize: UInt32(block.count),
            recordCount: UInt32(recordCount),
            basePosition: basePosition,
            firstTimestamp: firstTimestamp,
            lastTimestamp: lastTimestamp,
            previousHash: previousHash
        )
        let start = output.count
        header.write(to: &output)
        if compressedCount > 0 {
            compressed.withUnsafeBytes { output.append(contentsOf: $0[..<compressedCount]) }
        } else {
            output.append(contentsOf: block)
        }
        let hash = output.withUnsafeMutableBytes { bytes -> ChainHash in
            let batch = UnsafeMutableRawBufferPointer(rebasing: bytes[start...])
            header.crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: batch[(BatchHeader.crcOffset + 4)...]))
            batch.storeLittleEndian(header.crc, at: BatchHeader.crcOffset)
            return ChainHash(SHA256.hash(data: UnsafeRawBufferPointer(batch)))
        }
        startNewBatch()
        return Emitted(header: header, hash: hash)
    }

    /// Compresses the collected records, appends the whole batch to `output` and starts a new batch.
    ///
    /// - Parameters:
    ///   - basePosition: The position of the batch's first record.
    ///   - previousHash: The hash of the batch before it in the log.
    ///   - output: The buffer the batch's bytes are appended to.
    /// - Returns: The header and the batch's hash.
    mutating func emit(basePosition: UInt64, previousHash: ChainHash, into output: inout [UInt8]) -> Emitted {
        compress()
        return seal(basePosition: basePosition, previousHash: previousHash, into: &output)
    }

    /// Empties the batch, keeping its buffers for the next one unless an unusually large append grew them.
    private mutating func startNewBatch() {
        if block.capacity > Self.keptBufferSize {
            block = []
            compressed = []
        } else {
            block.removeAll(keepingCapacity: true)
        }
        recordCount = 0
        compressedCount = 0
    }
}
