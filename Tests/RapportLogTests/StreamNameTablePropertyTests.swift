import PropertyBased
import Testing

@testable import RapportLog

/// The stream name table finds every name it holds at the slot it gave it, and no other, through growing and
/// through removals that shift the entries after them; a list of the names held is the reference.
struct StreamNameTablePropertyTests {
    /// An operation: add a name (drawn from a small set, so that names come back), or remove the newest one.
    enum Operation: Sendable {
        case add(String)
        case removeLast
    }

    /// One operation in six removes; the others add one of 400 names.
    static let operations = Gen<Int>.int(in: 0..<2_400)
        .map { choice in choice < 400 ? Operation.removeLast : .add("s\(choice % 400)") }
        .array(of: 1...600)

    @Test func findsEveryNameItHoldsAndNoOther() async {
        await propertyCheck(count: 60, input: Self.operations) { operations in
            var table = StreamNameTable()
            var held: [String] = []
            for operation in operations {
                switch operation {
                case .add(let name):
                    let (slot, inserted) = Array(name.utf8).withUnsafeBytes { table.insert($0) }
                    #expect(inserted == !held.contains(name))
                    #expect(slot == held.firstIndex(of: name) ?? held.count)
                    if inserted { held.append(name) }
                case .removeLast:
                    guard !held.isEmpty else { continue }
                    table.removeLast()
                    held.removeLast()
                }
            }
            #expect(table.count == held.count)
            for (slot, name) in held.enumerated() {
                #expect(table.slot(of: name) == slot)
                #expect(table.name(ofSlot: slot) == name)
            }
            for number in 0..<400 where !held.contains("s\(number)") {
                #expect(table.slot(of: "s\(number)") == nil)
            }
        }
    }

    /// Sets of different names, many enough that some entries run past the table's end and wrap around.
    static let nameSets = Gen<Int>.int(in: 0..<1_000_000).array(of: 0...3_000)
        .map { numbers in Array(Set(numbers.map { "stream-\($0)" })) }

    @Test func aTableBuiltFromAListFindsEachNameAtItsPlaceInTheList() async {
        await propertyCheck(count: 40, input: Self.nameSets) { names in
            var bytes: [UInt8] = []
            var ends: [Int] = []
            for name in names {
                bytes.append(contentsOf: name.utf8)
                ends.append(bytes.count)
            }
            guard var table = StreamNameTable(bytes: bytes, ends: ends) else {
                Issue.record("a list of different names was refused")
                return
            }
            #expect(table.count == names.count)
            for (slot, name) in names.enumerated() {
                #expect(table.slot(of: name) == slot)
                #expect(table.name(ofSlot: slot) == name)
            }
            #expect(table.slot(of: "stream-absent") == nil)
            #expect(table.append("stream-absent") == names.count)
            table.removeLast()
            if let last = names.last {
                table.removeLast()
                #expect(table.slot(of: last) == nil)
                #expect(table.slot(of: names[0]) == (names.count > 1 ? 0 : nil))
            }
        }
    }

    @Test func aListThatNamesOneStreamTwiceBuildsNoTable() {
        let names = ["account-1", "contact-2", "account-3", "contact-2", "case-4"]
        let bytes = names.flatMap(\.utf8)
        let ends = names.indices.map { index in names[...index].reduce(0) { $0 + $1.utf8.count } }
        #expect(StreamNameTable(bytes: bytes, ends: ends) == nil)
        #expect(StreamNameTable(bytes: Array(names.dropLast(2).flatMap(\.utf8)), ends: Array(ends.prefix(3))) != nil)
    }

    @Test func namesCompareByteForByte() {
        var table = StreamNameTable()
        let composed = table.append("account-\u{E9}")
        #expect(table.slot(of: "account-e\u{301}") == nil)
        let decomposed = table.append("account-e\u{301}")
        #expect(table.slot(of: "account-\u{E9}") == composed)
        #expect(table.slot(of: "account-e\u{301}") == decomposed)
        #expect(composed != decomposed)
    }
}
