import PropertyBased
import RapportCRM
import Testing

@testable import RapportProjections

/// Texts numbered in the order first added, each once, and read back from their binary form in the same order.
struct TextTableTests {
    static let texts = Gen<Character?>.element(of: Array("abcé日 ")).map { $0! }.string(of: 0...6).array(of: 0...60)

    @Test func numbersTextsInTheOrderFirstAddedAndKeepsEachOnce() async {
        await propertyCheck(input: Self.texts) { texts in
            var table = TextTable<Int32>()
            var firstSeen: [String] = []
            for text in texts {
                let number = table.numberAdding(text)
                if !firstSeen.contains(text) { firstSeen.append(text) }
                #expect(table.text(number) == text)
                #expect(number == Int32(firstSeen.firstIndex(of: text)!))
            }
            #expect(table.texts == firstSeen)
            #expect(table.count == firstSeen.count)
            #expect(table.text(Int32(firstSeen.count)) == nil)
            #expect(table.text(-1) == nil)
        }
    }

    @Test func readsItsTextsBackInOrderAndRefusesATextGivenTwice() throws {
        var writer = ByteWriter()
        writer.write(["Prospecting", "Closed Won", ""])
        var table = TextTable<UInt32>()
        try writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            try table.appendTexts(from: &reader)
        }
        #expect(table.texts == ["Prospecting", "Closed Won", ""])
        #expect(table.number(of: "Closed Won") == 1)

        var twice = ByteWriter()
        twice.write(["Closed Won", "Prospecting", "Closed Won"])
        let error = #expect(throws: BinaryFormatError.self) {
            try twice.bytes.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes)
                var table = TextTable<UInt32>()
                try table.appendTexts(from: &reader)
            }
        }
        #expect(error?.description.contains(#"text "Closed Won" is pooled twice"#) == true)
    }
}
