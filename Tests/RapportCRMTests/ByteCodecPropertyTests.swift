import PropertyBased
import RapportCRM
import RapportTime
import Testing

struct ByteCodecPropertyTests {
    @Test func varintsOfEveryBitWidthRoundTripInTheFewestBytes() async throws {
        await propertyCheck(count: 1_000, input: Self.unsignedOfAnyWidth) { value throws in
            let bytes = Self.written { $0.writeVarint(value) }
            let width = UInt64.bitWidth - value.leadingZeroBitCount
            #expect(bytes.count == max(1, (width + 6) / 7))
            #expect(try Self.read(bytes) { try $0.readVarint() } == value)
        }
    }

    @Test(
        arguments: [
            (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
            (16_383, [0xFF, 0x7F]), (16_384, [0x80, 0x80, 0x01]),
            (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ] as [(UInt64, [UInt8])]
    )
    func varintsHaveTheirLEB128Bytes(value: UInt64, bytes: [UInt8]) throws {
        #expect(Self.written { $0.writeVarint(value) } == bytes)
        #expect(try Self.read(bytes) { try $0.readVarint() } == value)
    }

    @Test func signedIntegersRoundTripZigzagEncoded() async throws {
        let signed = Self.unsignedOfAnyWidth.map { Int64(bitPattern: $0) }
        await propertyCheck(count: 1_000, input: signed) { value throws in
            let bytes = Self.written { $0.writeSigned(value) }
            #expect(try Self.read(bytes) { try $0.readSigned() } == value)
            #expect(try Self.read(bytes) { try $0.read(Int.self) } == Int(value))
            let zigzag = value >= 0 ? UInt64(value) << 1 : (UInt64(bitPattern: ~value) << 1) | 1
            #expect(bytes == Self.written { $0.writeVarint(zigzag) })
        }
    }

    @Test(
        arguments: [
            (0, [0x00]), (-1, [0x01]), (1, [0x02]), (-64, [0x7F]), (63, [0x7E]), (64, [0x80, 0x01]),
            (Int64.max, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
            (Int64.min, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ] as [(Int64, [UInt8])]
    )
    func signedIntegersHaveTheirZigzagBytes(value: Int64, bytes: [UInt8]) throws {
        #expect(Self.written { $0.writeSigned(value) } == bytes)
        #expect(try Self.read(bytes) { try $0.readSigned() } == value)
    }

    @Test func stringsRoundTripAsTheirUTF8() async throws {
        let characters: [Character] = ["a", "Z", "0", " ", "\0", "\n", "é", "e\u{301}", "ß", "€", "日", "😀", "👩‍👩‍👧", "𝄞"]
        let strings = Gen<Character?>.element(of: characters).map { $0! }.string(of: 0...300)
        await propertyCheck(count: 500, input: strings) { text throws in
            let bytes = Self.written { $0.writeString(text) }
            #expect(bytes == Self.written { $0.writeVarint(UInt64(text.utf8.count)) } + Array(text.utf8))
            let read = try Self.read(bytes) { try $0.readString() }
            #expect(read == text)
            #expect(Array(read.utf8) == Array(text.utf8))
        }
    }

    @Test func invalidUTF8IsRepairedNotTrusted() throws {
        let read = try Self.read([4, 0x41, 0xC3, 0x28, 0xFF]) { try $0.readString() }
        #expect(read == "A\u{FFFD}(\u{FFFD}")
    }

    @Test func everyFieldTypeRoundTripsInOneRecord() async throws {
        await propertyCheck(count: 500, input: Self.records) { record throws in
            let bytes = Self.written { record.write(to: &$0) }
            #expect(try Self.read(bytes) { try Sample(from: &$0) } == record)
        }
    }

    @Test func everyPrefixOfARecordIsRefused() async {
        await propertyCheck(count: 100, input: Self.records) { record throws in
            let bytes = Self.written { record.write(to: &$0) }
            for length in 0..<bytes.count {
                #expect(throws: BinaryFormatError.self) {
                    try Self.read(Array(bytes[..<length])) { try Sample(from: &$0) }
                }
            }
        }
    }

    @Test func randomBytesAreReadOrRefusedWithoutTrapping() async {
        let bytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
            (0..<Int.random(in: 0...200, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8.random(in: 0...2, using: &rng) : UInt8.random(in: 0...255, using: &rng)
            }
        }
        await propertyCheck(count: 2_000, input: bytes) { bytes throws in
            do {
                _ = try Self.read(bytes) { try Sample(from: &$0) }
            } catch let error as BinaryFormatError {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test(
        arguments: [
            [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02],
            [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
            [0x80, 0x00], [0xFF, 0x80, 0x00], [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
            [0x80], [],
        ] as [[UInt8]]
    )
    func overLongOrCutShortVarintsAreRefused(bytes: [UInt8]) {
        #expect(throws: BinaryFormatError.self) { try Self.read(bytes) { try $0.readVarint() } }
    }

    @Test func outOfRangeValuesAreRefused() {
        #expect(throws: BinaryFormatError.self) { try Self.read([2]) { try $0.read(Bool.self) } }
        #expect(throws: BinaryFormatError.self) { try Self.read([2, 0]) { try $0.read(Int?.self) } }
        let dayBeyondInt32 = Self.written { $0.writeSigned(Int64(Int32.max) + 1) }
        #expect(throws: BinaryFormatError.self) { try Self.read(dayBeyondInt32) { try $0.read(CalendarDate.self) } }
        let hugeList = Self.written { $0.writeVarint(UInt64.max) }
        #expect(throws: BinaryFormatError.self) { try Self.read(hugeList) { try $0.read([String].self) } }
        let listLongerThanItsBytes = Self.written { $0.writeVarint(3) } + [0, 0]
        #expect(throws: BinaryFormatError.self) { try Self.read(listLongerThanItsBytes) { try $0.read([Int].self) } }
        let unknownName = Self.written { $0.writeString("Urgent") }
        #expect(throws: BinaryFormatError.self) { try Self.read(unknownName) { try $0.read(CasePriority.self) } }
        let stringPastTheEnd = Self.written { $0.writeVarint(10) } + Array("short".utf8)
        #expect(throws: BinaryFormatError.self) { try Self.read(stringPastTheEnd) { try $0.readString() } }
        #expect(throws: BinaryFormatError.self) { try Self.read([]) { try $0.readByte() } }
    }

    @Test func theReaderKnowsWhereItIs() throws {
        try [UInt8]([0x80, 0x01, 0x07]).withUnsafeBytes { bytes throws in
            var reader = ByteReader(bytes)
            #expect(reader.remainingCount == 3)
            #expect(try reader.readVarint() == 128)
            #expect(reader.offset == 2)
            #expect(!reader.isAtEnd)
            #expect(try reader.readByte() == 7)
            #expect(reader.isAtEnd)
            #expect(reader.remainingCount == 0)
        }
    }

    /// Every width from 0 to 64 bits equally often, so that each varint length is tried.
    static let unsignedOfAnyWidth = Generator<UInt64, Shrink.None<UInt64>> { rng in
        let width = Int.random(in: 0...64, using: &rng)
        guard width > 0 else { return 0 }
        return UInt64.random(in: 0...UInt64.max, using: &rng) >> (64 - width) | 1 << (width - 1)
    }

    /// Samples holding a value of every field type.
    static let records = Generator<Sample, Shrink.None<Sample>> { rng in
        func text() -> String {
            String((0..<Int.random(in: 0...12, using: &rng)).map { _ in "aé日😀 ".randomElement(using: &rng)! })
        }
        let widths = unsignedOfAnyWidth
        return Sample(
            unsigned: widths.run(using: &rng),
            signed: Int(bitPattern: UInt(widths.run(using: &rng))),
            text: text(),
            flag: Bool.random(using: &rng),
            optionalText: Bool.random(using: &rng) ? text() : nil,
            optionalNumber: Bool.random(using: &rng) ? Int.random(in: .min ... .max, using: &rng) : nil,
            list: (0..<Int.random(in: 0...5, using: &rng)).map { _ in text() },
            nested: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                (0..<Int.random(in: 0...3, using: &rng)).map { _ in Int.random(in: -1000...1000, using: &rng) }
            },
            id: RecordId(unchecked: "id-" + String(Int.random(in: 0...999, using: &rng))),
            amount: Money(tenThousandths: Int64(bitPattern: widths.run(using: &rng))),
            time: Timestamp(microsecondsSinceEpoch: Int64(bitPattern: widths.run(using: &rng))),
            day: CalendarDate(daysSinceEpoch: Int32.random(in: .min ... .max, using: &rng)),
            priority: CasePriority.allCases.randomElement(using: &rng)!,
            optionalDay: Bool.random(using: &rng) ? CalendarDate(daysSinceEpoch: 20_000) : nil
        )
    }

    /// Writes bytes with a fresh writer.
    static func written(_ write: (inout ByteWriter) -> Void) -> [UInt8] {
        var writer = ByteWriter()
        write(&writer)
        return writer.bytes
    }

    /// Reads a value from bytes and checks that nothing is left.
    static func read<Value>(_ bytes: [UInt8], _ read: (inout ByteReader) throws -> Value) throws -> Value {
        try bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            let value = try read(&reader)
            guard reader.isAtEnd else { throw BinaryFormatError("\(reader.remainingCount) bytes left over") }
            return value
        }
    }
}

extension ByteCodecPropertyTests {
    /// A record with a field of every binary field type, written and read in declared order like an event.
    struct Sample: Hashable, Sendable {
        var unsigned: UInt64
        var signed: Int
        var text: String
        var flag: Bool
        var optionalText: String?
        var optionalNumber: Int?
        var list: [String]
        var nested: [[Int]]
        var id: RecordId
        var amount: Money
        var time: Timestamp
        var day: CalendarDate
        var priority: CasePriority
        var optionalDay: CalendarDate?

        func write(to writer: inout ByteWriter) {
            writer.writeVarint(unsigned)
            writer.write(signed)
            writer.write(text)
            writer.write(flag)
            writer.write(optionalText)
            writer.write(optionalNumber)
            writer.write(list)
            writer.write(nested)
            writer.write(id)
            writer.write(amount)
            writer.write(time)
            writer.write(day)
            writer.write(priority)
            writer.write(optionalDay)
        }

        init(from reader: inout ByteReader) throws(BinaryFormatError) {
            unsigned = try reader.readVarint()
            signed = try reader.read()
            text = try reader.read()
            flag = try reader.read()
            optionalText = try reader.read()
            optionalNumber = try reader.read()
            list = try reader.read()
            nested = try reader.read()
            id = try reader.read()
            amount = try reader.read()
            time = try reader.read()
            day = try reader.read()
            priority = try reader.read()
            optionalDay = try reader.read()
        }

        init(
            unsigned: UInt64,
            signed: Int,
            text: String,
            flag: Bool,
            optionalText: String?,
            optionalNumber: Int?,
            list: [String],
            nested: [[Int]],
            id: RecordId,
            amount: Money,
            time: Timestamp,
            day: CalendarDate,
            priority: CasePriority,
            optionalDay: CalendarDate?
        ) {
            self.unsigned = unsigned
            self.signed = signed
            self.text = text
            self.flag = flag
            self.optionalText = optionalText
            self.optionalNumber = optionalNumber
            self.list = list
            self.nested = nested
            self.id = id
            self.amount = amount
            self.time = time
            self.day = day
            self.priority = priority
            self.optionalDay = optionalDay
        }
    }
}
