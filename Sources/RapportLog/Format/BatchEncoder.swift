import Crypto

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

    /// Whether no record was added since the last ``emit(basePosition:previousHash:into:)``.
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

    /// Compresses the collected records, appends the whole batch to `output` and starts a new batch.
    ///
    /// - Parameters:
    ///   - basePosition: The position of the batch's first record.
    ///   - previousHash: The hash of the batch before it in the log.
    ///   - output: The buffer the batch's bytes are appended to.
    /// - Returns: The header and the batch's hash.
    mutating func emit(basePosition: UInt64, previousHash: ChainHash, into output: inout [UInt8]) -> Emitted {
        precondition(recordCount > 0, "an empty batch is never written")
        let start = output.count
        let bound = LZ4Block.maximumCompressedSize(for: block.count)
        output.append(contentsOf: repeatElement(0, count: BatchHeader.size + bound))
        let compressedSize = output.withUnsafeMutableBytes { destination in
            block.withUnsafeBytes { source in
                LZ4Block.compress(
                    source,
                    into: UnsafeMutableRawBufferPointer(rebasing: destination[(start + BatchHeader.size)...])
                )
            }
        }
        let compression: BatchHeader.Compression
        let storedSize: Int
        if let compressedSize, compressedSize < block.count {
            compression = .lz4
            storedSize = compressedSize
        } else {
            compression = .none
            storedSize = block.count
            output.withUnsafeMutableBytes { destination in
                block.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(rebasing: destination[(start + BatchHeader.size)...])
                        .copyMemory(from: source)
                }
            }
        }
        output.removeLast(bound - storedSize)

        var header = BatchHeader(
            compression: compression,
            crc: 0,
            storedSize: UInt32(storedSize),
            uncompressedSize: UInt32(block.count),
            recordCount: UInt32(recordCount),
            basePosition: basePosition,
            firstTimestamp: firstTimestamp,
            lastTimestamp: lastTimestamp,
            previousHash: previousHash
        )
        var headerBytes: [UInt8] = []
        headerBytes.reserveCapacity(BatchHeader.size)
        header.write(to: &headerBytes)
        let hash = output.withUnsafeMutableBytes { bytes -> ChainHash in
            let batch = UnsafeMutableRawBufferPointer(rebasing: bytes[start...])
            headerBytes.withUnsafeBytes { batch.copyMemory(from: $0) }
            header.crc = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: batch[(BatchHeader.crcOffset + 4)...]))
            batch.storeBytes(of: header.crc.littleEndian, toByteOffset: BatchHeader.crcOffset, as: UInt32.self)
            return ChainHash(SHA256.hash(data: UnsafeRawBufferPointer(batch)))
        }
        block.removeAll(keepingCapacity: true)
        recordCount = 0
        return Emitted(header: header, hash: hash)
    }
}
