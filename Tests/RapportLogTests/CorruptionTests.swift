import RapportTestSupport
import Testing

@testable import RapportLog

/// Damage inside sealed segments: verify names the place, and opening refuses without changing any file.
struct CorruptionTests {
    enum BatchChoice: CaseIterable {
        case first, middle, last
    }

    /// Byte offsets inside a batch: magic, CRC, base position, previous-batch hash, and the stored block.
    static let offsetsInBatch = [0, 8, 24, 60, BatchHeader.size + 3]

    @Test(arguments: offsetsInBatch, BatchChoice.allCases)
    func flippedByteInASealedSegmentIsReportedAtItsBatch(offsetInBatch: Int, choice: BatchChoice) async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            try #require(names.count >= 4)
            let layout = try SegmentLayout(names[1], in: sample.files)
            try #require(layout.footer != nil && layout.batches.count >= 3)
            let batch =
                switch choice {
                case .first: layout.batches[0]
                case .middle: layout.batches[layout.batches.count / 2]
                case .last: layout.batches[layout.batches.count - 1]
                }
            try sample.files.flipByte(in: names[1], at: batch.offset + UInt64(offsetInBatch))

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[1])
            #expect(problem.byteOffset == batch.offset)
            #expect(problem.position == batch.basePosition)
            try expectOpeningRefuses(directory, naming: names[1])
        }
    }

    @Test func damagedFooterMakesTheSegmentUnsealedBeforeAnother() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            let layout = try SegmentLayout(names[1], in: sample.files)
            try sample.files.flipByte(in: names[1], at: layout.fileSize - 100)

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[1])
            #expect(problem.position == layout.header.basePosition)
            #expect(problem.message.contains("not sealed"))
            try expectOpeningRefuses(directory, naming: names[1])
        }
    }

    @Test func footerWithAValidChecksumButWrongCountsIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            let layout = try SegmentLayout(names[1], in: sample.files)
            var footer = try #require(layout.footer)
            footer.recordCount += 1
            try sample.files.write(footer.bytes, to: names[1], at: footer.dataEnd)

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[1])
            #expect(problem.byteOffset == footer.dataEnd)
            #expect(problem.message.contains("footer"))
            try expectOpeningRefuses(directory, naming: names[1])
        }
    }

    @Test func footerWithAWrongSegmentHashBreaksTheSegmentChain() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            let layout = try SegmentLayout(names[1], in: sample.files)
            var footer = try #require(layout.footer)
            footer.segmentHash = footer.previousSegmentHash
            try sample.files.write(footer.bytes, to: names[1], at: footer.dataEnd)

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[1])
            #expect(problem.message.contains("segment hash"))
            try expectOpeningRefuses(directory, naming: names[2])
        }
    }

    @Test func batchWithARecomputedChecksumIsCaughtByTheHashChain() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            let layout = try SegmentLayout(names[1], in: sample.files)
            let batch = layout.batches[layout.batches.count / 2]
            try sample.files.flipByte(in: names[1], at: batch.offset + 60)
            let bytes = try sample.files.bytes(of: names[1])
            let covered = bytes[Int(batch.offset) + BatchHeader.crcOffset + 4..<Int(batch.offset) + batch.size]
            var crc: [UInt8] = []
            crc.appendLittleEndian(CRC32C.checksum(Array(covered)))
            try sample.files.write(crc, to: names[1], at: batch.offset + UInt64(BatchHeader.crcOffset))

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[1])
            #expect(problem.byteOffset == batch.offset)
            #expect(problem.position == batch.basePosition)
            #expect(problem.message.contains("previous-batch hash"))
        }
    }

    @Test(arguments: [true, false])
    func segmentHeaderThatDoesNotLinkToItsPredecessorIsRefused(breakingSegmentHash: Bool) async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            var header = try SegmentLayout(names[2], in: sample.files).header
            if breakingSegmentHash {
                header.previousSegmentHash = .zero
            } else {
                header.previousBatchHash = .zero
            }
            try sample.files.write(header.bytes, to: names[2], at: 0)

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[2])
            #expect(problem.byteOffset == 0)
            #expect(problem.position == header.basePosition)
            #expect(problem.message.contains(breakingSegmentHash ? "segment chain" : "batch chain"))
            try expectOpeningRefuses(directory, naming: names[2])
        }
    }

    @Test func damagedHeaderOfASealedSegmentIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            try sample.files.flipByte(in: names[1], at: 10)

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[1])
            #expect(problem.byteOffset == 0)
            #expect(problem.message.contains("header"))
            try expectOpeningRefuses(directory, naming: names[1])
        }
    }

    @Test func missingSegmentInTheMiddleIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let sample = try await SampleLog.write(in: directory)
            let names = try sample.files.segmentNames()
            let missingBase = try SegmentLayout(names[1], in: sample.files).header.basePosition
            try sample.files.remove(names[1])

            let problem = try #require(try LogVerifier(directory: directory).verify().problem)
            #expect(problem.file == names[2])
            #expect(problem.position == missingBase)
            try expectOpeningRefuses(directory, naming: names[2])
        }
    }

    /// Opening for writing or reading fails with `corrupt_data` naming the file, and leaves every file as it was.
    private func expectOpeningRefuses(
        _ directory: String,
        naming name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let files = LogFiles(directory: directory)
        let before = try files.snapshot()
        let writing = #expect(throws: LogError.self, sourceLocation: sourceLocation) {
            try EventLog.open(directory: directory, options: SampleLog.options)
        }
        #expect(writing?.code == .corruptData, sourceLocation: sourceLocation)
        #expect(writing?.message.contains(name) == true, sourceLocation: sourceLocation)
        let reading = #expect(throws: LogError.self, sourceLocation: sourceLocation) {
            try EventLog.openForReading(directory: directory)
        }
        #expect(reading?.code == .corruptData, sourceLocation: sourceLocation)
        #expect(try files.snapshot() == before, sourceLocation: sourceLocation)
    }
}
