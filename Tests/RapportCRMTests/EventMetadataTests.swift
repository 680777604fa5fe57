import PropertyBased
import RapportCRM
import Testing

struct EventMetadataTests {
    /// Every combination of the three optional ids and the provenance, as the bits of 0 to 15.
    @Test(arguments: 0..<16)
    func roundTripsWithEachCombinationOfOptionalFields(combination: Int) throws {
        let metadata = EventMetadata(
            schemaVersion: 3,
            actor: "user-7",
            commandId: combination & 1 != 0 ? "command-1" : nil,
            correlationId: combination & 2 != 0 ? "correlation-é" : nil,
            causationId: combination & 4 != 0 ? "" : nil,
            provenance: combination & 8 != 0 ? ImportProvenance(batchId: "b-1", file: "a.csv", row: 300) : nil
        )
        let bytes = metadata.encoded()
        #expect(bytes.first == UInt8(combination))
        #expect(try Self.decode(bytes) == metadata)
    }

    @Test func roundTripsAnyMetadata() async throws {
        let text = Gen<Character?>.element(of: Array("aZ9-_ é日😀")).map { $0! }.string(of: 0...200)
        let provenance = zip(text, text, Gen<UInt64>.uint64(in: 1...UInt64.max))
            .map { ImportProvenance(batchId: $0, file: $1, row: $2) }
        let ids = zip(text.optional, text.optional, text.optional)
        let metadata = zip(Gen<Int>.int(in: 1...Int(UInt16.max)), text, ids, provenance.optional)
            .map { version, actor, ids, provenance in
                EventMetadata(
                    schemaVersion: version,
                    actor: actor,
                    commandId: ids.0,
                    correlationId: ids.1,
                    causationId: ids.2,
                    provenance: provenance
                )
            }
        await propertyCheck(count: 500, input: metadata) { metadata throws in
            #expect(try Self.decode(metadata.encoded()) == metadata)
        }
    }

    @Test func hasItsDocumentedBinaryForm() {
        let metadata = EventMetadata(schemaVersion: 2, actor: "u", commandId: "c", causationId: "e")
        #expect(metadata.encoded() == [0b101, 2, 1, UInt8(ascii: "u"), 1, UInt8(ascii: "c"), 1, UInt8(ascii: "e")])
        #expect(EventMetadata(schemaVersion: 300, actor: "").encoded() == [0, 0xAC, 0x02, 0])
        let imported = EventMetadata(
            schemaVersion: 1,
            actor: "u",
            commandId: "c",
            provenance: ImportProvenance(batchId: "b", file: "f", row: 130)
        )
        let provenanceBytes: [UInt8] = [1, UInt8(ascii: "b"), 1, UInt8(ascii: "f"), 0x82, 0x01]
        #expect(imported.encoded() == [0b1001, 1, 1, UInt8(ascii: "u"), 1, UInt8(ascii: "c")] + provenanceBytes)
    }

    /// Metadata written before provenances existed reads unchanged, with no provenance.
    @Test func readsMetadataWrittenWithoutProvenance() throws {
        let bytes: [UInt8] = [0b111, 1, 1, UInt8(ascii: "u"), 1, UInt8(ascii: "c"), 1, UInt8(ascii: "r"), 0]
        let metadata = try Self.decode(bytes)
        #expect(
            metadata == EventMetadata(schemaVersion: 1, actor: "u", commandId: "c", correlationId: "r", causationId: "")
        )
        #expect(metadata.provenance == nil)
    }

    @Test(arguments: [0b1_0000, 0b10_0000, 0b100_0000, 0b1000_0000, 0b1111_1111] as [UInt8])
    func refusesFlagsItDoesNotKnow(flags: UInt8) {
        let bytes = [flags] + Array(EventMetadata(schemaVersion: 1, actor: "u").encoded().dropFirst())
        #expect(throws: BinaryFormatError.self) { try Self.decode(bytes) }
    }

    @Test func refusesEveryPrefix() {
        let bytes = EventMetadata(
            schemaVersion: 1,
            actor: "user",
            commandId: "c",
            correlationId: "r",
            causationId: "e",
            provenance: ImportProvenance(batchId: "b", file: "f", row: 1 << 40)
        )
        .encoded()
        for length in 0..<bytes.count {
            #expect(throws: BinaryFormatError.self, "\(length) bytes") { try Self.decode(Array(bytes[..<length])) }
        }
    }

    @Test(arguments: [[0], [0, 0], [1, 2, 3]] as [[UInt8]])
    func refusesTrailingBytes(extra: [UInt8]) {
        let bytes = EventMetadata(schemaVersion: 1, actor: "u", commandId: "c").encoded() + extra
        #expect(throws: BinaryFormatError.self) { try Self.decode(bytes) }
    }

    @Test(arguments: [0, Int(UInt16.max) + 1, Int(Int64.max)])
    func refusesASchemaVersionOutOfRange(version: Int) {
        var writer = ByteWriter()
        writer.writeByte(0)
        writer.writeVarint(UInt64(version))
        writer.writeString("u")
        let bytes = writer.bytes
        #expect(throws: BinaryFormatError.self) { try Self.decode(bytes) }
    }

    @Test func readsTheLargestSchemaVersion() throws {
        let metadata = EventMetadata(schemaVersion: Int(UInt16.max), actor: "u")
        #expect(try Self.decode(metadata.encoded()).schemaVersion == Int(UInt16.max))
    }

    static func decode(_ bytes: [UInt8]) throws -> EventMetadata {
        try bytes.withUnsafeBytes { try EventMetadata(decoding: $0) }
    }
}
