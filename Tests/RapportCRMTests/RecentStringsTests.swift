import Foundation
import PropertyBased
import Testing

@testable import RapportCRM

/// Strings read through a reader that shares them with its thread's table of recent strings.
struct RecentStringsTests {
    @Test func sharedStringsEqualTheStringsTheirBytesMake() async {
        await propertyCheck(count: 100, input: Self.byteLists) { lists in
            for pass in 0..<2 {
                for bytes in lists {
                    let shared = Self.readString(bytes, sharing: true)
                    let made = String(decoding: bytes, as: UTF8.self)
                    #expect(shared == made, "pass \(pass), bytes \(bytes)")
                    #expect(Array(shared.utf8) == Array(made.utf8))
                    #expect(shared == Self.readString(bytes, sharing: false))
                }
            }
        }
    }

    @Test func stringsThatDifferInOneByteAreToldApart() {
        for length in 1...RecentStrings.longest {
            let plain = [UInt8](repeating: 0x61, count: length)
            #expect(Self.readString(plain, sharing: true) == String(repeating: "a", count: length))
            for index in 0..<length {
                var changed = plain
                changed[index] = 0x62
                let expected = String(decoding: changed, as: UTF8.self)
                #expect(Self.readString(changed, sharing: true) == expected, "length \(length), byte \(index)")
                #expect(Self.readString(plain, sharing: true) == String(repeating: "a", count: length))
            }
        }
    }

    @Test func aStringReadTwiceComesFromTheTableTheSecondTime() {
        let bytes = Array("Negotiation/Review".utf8)
        let first = Self.readString(bytes, sharing: true)
        #expect(bytes.withUnsafeBytes { RecentStrings.holds($0) })
        #expect(Self.readString(bytes, sharing: true) == first)
    }

    @Test func longStringsAreNotKept() {
        let bytes = Array(String(repeating: "z", count: RecentStrings.longest + 1).utf8)
        #expect(Self.readString(bytes, sharing: true) == String(repeating: "z", count: RecentStrings.longest + 1))
        #expect(!bytes.withUnsafeBytes { RecentStrings.holds($0) })
    }

    @Test func aReaderThatDoesNotShareKeepsNothing() {
        let bytes = Array("Quentin Private-\(UUID().uuidString.prefix(8))".utf8)
        #expect(Self.readString(bytes, sharing: false) == String(decoding: bytes, as: UTF8.self))
        #expect(!bytes.withUnsafeBytes { RecentStrings.holds($0) })
    }

    @Test func decryptedPersonalValuesAreNotKept() throws {
        let name = "Zoë-\(UUID().uuidString.prefix(8))"
        let account = RecordId(unchecked: "acme")
        let added = ContactAdded(accountId: account, firstName: name, lastName: "Li", title: "Buyer")
        let (stored, personal) = added.sealed()
        #expect(try personal.withUnsafeBytes { try stored.unsealed($0) } == added)
        #expect(!Array(name.utf8).withUnsafeBytes { RecentStrings.holds($0) })
    }

    @Test func threadsReadWithTablesOfTheirOwnAndFreeThemWhenTheyEnd() async {
        let words = (0..<2_000).map { "word-\($0 % 300)-\(String(repeating: "x", count: $0 % 20))" }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for offset in 0..<4 {
                group.addTask {
                    await Self.onNewThread {
                        words.indices.reduce(0) { count, index in
                            let word = words[(index + offset * 17) % words.count]
                            return count + (Self.readString(Array(word.utf8), sharing: true) == word ? 0 : 1)
                        }
                    }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    /// Lists of byte strings of every length the table keeps and a little past, often repeating and often invalid
    /// UTF-8, so that slots are shared, replaced and read back.
    static let byteLists = Generator<[[UInt8]], Shrink.None<[[UInt8]]>> { rng in
        let alphabet: [UInt8] = [0x41, 0x61, 0x2D, 0x20, 0xC3, 0xA9, 0xE6, 0x97, 0xA5, 0xFF, 0x80, 0x00]
        let pool = (0..<Int.random(in: 1...40, using: &rng)).map { _ in
            (0..<Int.random(in: 0...(RecentStrings.longest + 4), using: &rng)).map { _ in
                alphabet.randomElement(using: &rng)!
            }
        }
        return (0..<Int.random(in: 1...200, using: &rng)).map { _ in pool.randomElement(using: &rng)! }
    }

    /// Reads bytes written as one string.
    static func readString(_ bytes: [UInt8], sharing: Bool) -> String {
        var writer = ByteWriter()
        writer.writeVarint(UInt64(bytes.count))
        let written = writer.bytes + bytes
        return written.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer, sharesStrings: sharing)
            return (try? reader.readString()) ?? "unreadable"
        }
    }

    /// Runs `body` on a thread started for it, which ends once it returns.
    static func onNewThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}
