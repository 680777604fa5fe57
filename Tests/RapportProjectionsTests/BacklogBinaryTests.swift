import RapportCRM
import RapportTime
import Testing

@testable import RapportProjections

/// The backlog's binary form: it reads back what it wrote, and damaged bytes throw instead of giving a wrong
/// backlog.
struct BacklogBinaryTests {
    @Test func readsBackTheHandMadeBacklog() throws {
        let model = try BacklogModelTests.history().fold(into: BacklogModel.self)
        #expect(try Self.read(Self.bytes(of: model)) == model)
    }

    @Test func everyCutShortFormThrows() throws {
        let bytes = Self.bytes(of: try BacklogModelTests.history().fold(into: BacklogModel.self))
        for length in 0..<bytes.count {
            #expect(throws: BinaryFormatError.self) { try Self.read(Array(bytes[..<length])) }
        }
    }

    @Test func anUnknownStatusThrows() throws {
        var bytes = Self.bytes(of: try BacklogModelTests.history().fold(into: BacklogModel.self))
        let working = Array("Working".utf8)
        let start = try #require(bytes.indices.first { bytes[$0...].starts(with: working) })
        bytes[start + 1] = UInt8(ascii: "u")
        #expect(throws: BinaryFormatError.self) { try Self.read(bytes) }
    }

    @Test func aSubjectOutsideTheTextPoolThrows() throws {
        var model = BacklogModel()
        model.cases = [Self.record("K1", subject: 3)]
        model.caseIndex = [RecordId(unchecked: "K1"): 0]
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: model)) }
    }

    @Test func aCaseStoredTwiceThrows() throws {
        var model = BacklogModel()
        _ = model.texts.number(of: "Printer down")
        model.cases = [Self.record("K1", subject: 0), Self.record("K1", subject: 0)]
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: model)) }
    }

    @Test func aTextPooledTwiceThrows() throws {
        var writer = ByteWriter()
        ["Printer down", "Printer down"].write(to: &writer)
        writer.writeVarint(0)
        writer.writeVarint(0)
        #expect(throws: BinaryFormatError.self) { try Self.read(writer.bytes) }
    }

    private static func record(_ id: String, subject: Int32) -> CaseRecord {
        CaseRecord(
            id: RecordId(unchecked: id),
            subject: subject,
            owner: TextPool.none,
            priority: .high,
            status: .new,
            openedAt: Timestamp(microsecondsSinceEpoch: 0),
            firstResponseTarget: 240,
            resolutionTarget: 1_440
        )
    }

    private static func bytes(of model: BacklogModel) -> [UInt8] {
        var writer = ByteWriter()
        model.write(to: &writer)
        return writer.bytes
    }

    private static func read(_ bytes: [UInt8]) throws -> BacklogModel {
        try bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try BacklogModel.read(from: &reader)
        }
    }
}
