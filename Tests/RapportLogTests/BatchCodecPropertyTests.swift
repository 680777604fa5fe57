import Crypto
import PropertyBased
import RapportTime
import Testing

@testable import RapportLog

struct BatchCodecPropertyTests {
    /// Records for one or two batches, the versions and record time the writer would give them.
    private static var batches: Generator<([[ProposedRecord]], UInt64, Int64), some SendableSequenceType> {
        zip(
            RecordGenerators.record(in: ["a", "b-é", "日本-1"]).array(of: 1...20).array(of: 1...2),
            Gen<UInt64>.uint64(in: 0...(1 << 40)),
            Gen<Int64>.int64(in: 0...4_102_444_800_000_000)
        )
    }

    @Test func encodedBatchesDecodeToTheSameRecords() async {
        await propertyCheck(count: 200, input: Self.batches) { batches, basePosition, firstTime in
            var encoder = BatchEncoder()
            var output: [UInt8] = []
            var expected: [[LogRecord]] = []
            var previousHash = ChainHash.zero
            var position = basePosition
            var hashes: [ChainHash] = []
            var headers: [BatchHeader] = []
            for (batchNumber, records) in batches.enumerated() {
                let recordedAt = Timestamp(microsecondsSinceEpoch: firstTime + Int64(batchNumber))
                var batch: [LogRecord] = []
                for (index, record) in records.enumerated() {
                    let version = UInt64(index + 1)
                    encoder.add(record, streamVersion: version, recordedAt: recordedAt)
                    batch.append(
                        LogRecord(
                            position: position + UInt64(index),
                            id: record.id,
                            streamId: record.streamId,
                            streamVersion: version,
                            type: record.type,
                            recordedAt: recordedAt,
                            occurredAt: record.occurredAt ?? recordedAt,
                            metadata: record.metadata,
                            payload: record.payload
                        )
                    )
                }
                let emitted = encoder.emit(basePosition: position, previousHash: previousHash, into: &output)
                #expect(encoder.isEmpty)
                #expect(emitted.header.basePosition == position)
                #expect(emitted.header.recordCount == UInt32(records.count))
                #expect(emitted.header.firstTimestamp == recordedAt)
                #expect(emitted.header.lastTimestamp == recordedAt)
                #expect(emitted.header.previousHash == previousHash)
                let encodedSize = records.reduce(0) { $0 + RecordEncoder.encodedSize(of: $1) }
                #expect(Int(emitted.header.uncompressedSize) == encodedSize)
                expected.append(batch)
                hashes.append(emitted.hash)
                headers.append(emitted.header)
                previousHash = emitted.hash
                position += UInt64(records.count)
            }
            #expect(output.count == headers.reduce(0) { $0 + $1.totalSize })
            let decoded = try Self.decode(output, hashes: hashes)
            #expect(decoded == expected)
        }
    }

    @Test(arguments: [true, false])
    func storesRepetitiveBlocksCompressedAndRandomOnesAsTheyAre(repetitive: Bool) throws {
        var rng: any SeededRandomNumberGenerator = Xoshiro(seed: (1, 2, 3, 4))
        let payload = RecordGenerators.randomBytes(count: 10_000, repetitive: repetitive, using: &rng)
        var encoder = BatchEncoder()
        encoder.add(
            ProposedRecord(streamId: "s", type: "t", payload: payload),
            streamVersion: 1,
            recordedAt: Timestamp(microsecondsSinceEpoch: 1)
        )
        var output: [UInt8] = []
        let emitted = encoder.emit(basePosition: 0, previousHash: .zero, into: &output)
        #expect(emitted.header.compression == (repetitive ? .lz4 : .none))
        #expect(repetitive ? output.count < 1_000 : output.count == BatchHeader.size + 56 + 2 + 10_000)
        let decoded = try Self.decode(output, hashes: [emitted.hash])
        #expect(decoded.first?.first?.payload == payload)
    }

    /// Parses, checks and decodes consecutive batches the way readers do.
    private static func decode(_ output: [UInt8], hashes: [ChainHash]) throws -> [[LogRecord]] {
        try output.withUnsafeBytes { bytes in
            var offset = 0
            var decoded: [[LogRecord]] = []
            var scratch: [UInt8] = []
            while offset < bytes.count {
                let header = try BatchHeader.parse(UnsafeRawBufferPointer(rebasing: bytes[offset...])).get()
                let batch = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + header.totalSize)])
                #expect(BatchDecoder.checksumMatches(header, batch: batch))
                #expect(BatchDecoder.hash(of: batch) == ChainHash(SHA256.hash(data: batch)))
                #expect(BatchDecoder.hash(of: batch) == hashes[decoded.count])
                var records: [LogRecord] = []
                let stored = UnsafeRawBufferPointer(rebasing: batch[BatchHeader.size...])
                let finished = try BatchDecoder.withBlock(header, stored: stored, scratch: &scratch) { block in
                    try BatchDecoder.forEachRecord(in: block, header: header) { view in
                        records.append(view.record)
                        return true
                    }
                }
                #expect(finished)
                decoded.append(records)
                offset += header.totalSize
            }
            return decoded
        }
    }
}
