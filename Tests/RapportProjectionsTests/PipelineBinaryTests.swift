import PropertyBased
import RapportCRM
import RapportTime
import Testing

@testable import RapportProjections

/// The pipeline's binary form: it reads back an equal model, and damaged bytes throw instead of crashing.
struct PipelineBinaryTests {
    @Test func readsBackAnEqualModelOnRandomHistories() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let model = history.fold(into: PipelineModel.self)
            #expect((try? Self.read(Self.bytes(of: model))) == model)
        }
    }

    @Test func readsBackTheHandMadeHistoriesAndFoldsOnAlike() throws {
        let history = try PipelineForecastTests.history()
        let model = history.fold(into: PipelineModel.self)
        var read = try Self.read(Self.bytes(of: model))
        #expect(read == model)
        var folded = model
        var more = history
        try more.openDeal("D6", at: "2026-03-01T09:00:00Z", amount: 50, close: "2026-05-01", stage: "Discover")
        try more.move("D2", to: "Commit", at: "2026-03-02T09:00:00Z")
        try more.lose("D6", at: "2026-03-03T09:00:00Z")
        for event in more.events.dropFirst(history.events.count) {
            read.apply(event)
            folded.apply(event)
        }
        #expect(read == folded)
    }

    @Test func everyCutShortFormThrows() throws {
        let bytes = Self.bytes(of: try PipelineModelTests.history().fold(into: PipelineModel.self))
        for length in 0..<bytes.count {
            #expect(throws: BinaryFormatError.self) { try Self.read(Array(bytes[..<length])) }
        }
    }

    @Test func damagedBytesThrowOrReadWithoutCrashing() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let bytes = Self.bytes(of: history.fold(into: PipelineModel.self))
            var random = SystemRandomNumberGenerator()
            for _ in 0..<200 {
                var damaged = bytes
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    damaged[Int.random(in: damaged.indices, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
                if let model = try? Self.read(damaged) {
                    _ = model.report(in: ReportContext(asOf: .init(microsecondsSinceEpoch: 0), position: 0))
                }
            }
        }
    }

    @Test func outOfRangeValuesThrow() throws {
        var model = try PipelineModelTests.history().fold(into: PipelineModel.self)
        var badOwner = model
        badOwner.deals[0].owner = 9
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: badOwner)) }
        var badStage = model
        badStage.deals[0].enteredStages |= 1 << 40
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: badStage)) }
        model.slips.insert(PipelineModel.slip(99, PipelineMonth(key: 24_300)))
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: model)) }
    }

    static func bytes(of model: PipelineModel) -> [UInt8] {
        var writer = ByteWriter()
        model.write(to: &writer)
        return writer.bytes
    }

    static func read(_ bytes: [UInt8]) throws -> PipelineModel {
        try bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            let model = try PipelineModel.read(from: &reader)
            guard reader.isAtEnd else { throw BinaryFormatError("bytes after the model") }
            return model
        }
    }
}
