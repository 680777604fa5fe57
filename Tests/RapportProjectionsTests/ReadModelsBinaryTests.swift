import RapportCRM
import RapportProjections
import Testing

struct ReadModelsBinaryTests {
    @Test func emptyModelsReadBackEqual() throws {
        var writer = ByteWriter()
        ReadModels().write(to: &writer)
        let read = try writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            return try ReadModels.read(from: &reader)
        }
        #expect(read == ReadModels())
    }

    @Test func anotherModelVersionIsRefused() throws {
        var writer = ByteWriter()
        writer.writeVarint(UInt64(ReadModels.catalog.count))
        writer.writeString(PipelineModel.name)
        writer.writeVarint(UInt64(PipelineModel.version + 1))
        writer.writeBytes([])
        #expect(throws: BinaryFormatError.self) {
            try writer.bytes.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes)
                _ = try ReadModels.read(from: &reader)
            }
        }
    }
}
