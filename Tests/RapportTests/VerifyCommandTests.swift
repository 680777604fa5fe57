import Foundation
import RapportTestSupport
import Testing

/// `rapport verify` and `rapport verify --against` run end to end on real logs, intact, damaged, truncated and
/// rewritten, with the batch layout read independently from the segment file.
struct VerifyCommandTests {
    /// One batch of the first segment, read from its header (docs/LOG-FORMAT.md).
    struct Batch {
        var offset: Int
        var size: Int
        var base: Int
        var count: Int
        var last: Int { base + count - 1 }
    }

    static let segment = "/00000000000000000000.log"

    /// The batches of a data directory's first segment.
    static func batches(_ directory: String) throws -> [Batch] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + segment)))
        func number(_ offset: Int, _ count: Int) -> Int {
            (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        var batches: [Batch] = []
        var offset = 88
        while offset + 80 <= bytes.count, number(offset, 4) == 0x424C_5052 {
            let size = 80 + number(offset + 12, 4)
            batches.append(
                Batch(offset: offset, size: size, base: number(offset + 24, 8), count: number(offset + 20, 4))
            )
            offset += size
        }
        return batches
    }

    /// Commands opening `count` accounts, one per line, so each is its own append.
    static func accounts(_ range: Range<Int>, prefix: String = "A") -> String {
        range.map {
            #"{"type":"OpenAccount","actor":"u1","data":{"accountId":"\#(prefix)\#($0)","name":"N\#($0)","ownerId":"u1"}}"#
        }
        .joined(separator: "\n")
    }

    private func withLog(_ body: (String) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            for chunk in 0..<6 {
                let run = try RapportProcess.run(
                    ["exec", "--data", directory],
                    input: Self.accounts(chunk * 4..<(chunk * 4 + 4))
                )
                #expect(run.status == 0, "\(run.standardError)")
            }
            try body(directory)
        }
    }

    private func verify(_ directory: String, _ arguments: [String] = []) throws -> RapportProcess.Outcome {
        try RapportProcess.run(["verify", "--data", directory] + arguments)
    }

    private func json(_ outcome: RapportProcess.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    private func head(_ directory: String) throws -> String {
        let run = try verify(directory)
        #expect(run.status == 0, "\(run.standardError)")
        let line = try #require(run.outputLines.first { $0.hasPrefix("head:") })
        return String(line.dropFirst("head:".count)).trimmingCharacters(in: .whitespaces)
    }

    /// A copy of a data directory's segment files, to damage.
    private func copy(_ directory: String, to copy: String) throws {
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".log") {
            try FileManager.default.copyItem(atPath: directory + "/" + name, toPath: copy + "/" + name)
        }
    }

    @Test func printsTheHeadAsTheLastPositionAndTheChainHash() async throws {
        try await withLog { directory in
            let log = try RapportProcess.run(["log", "verify", "--data", directory, "--json"])
            let report = try json(log)
            let batches = try Self.batches(directory)
            #expect(try head(directory) == "23:\(try #require(report["headHash"] as? String))")
            #expect(batches.last?.last == 23)
        }
    }

    @Test func jsonListsACheckpointAtTheBatchCompletingEachMultiple() async throws {
        try await withLog { directory in
            let batches = try Self.batches(directory)
            for every in [1, 5, 10, 100] {
                let run = try verify(directory, ["--json", "--checkpoint-every", String(every)])
                #expect(run.status == 0, "\(run.standardError)")
                let object = try json(run)
                let checkpoints = try #require(object["checkpoints"] as? [[String: Any]])
                let expected = batches.filter { ($0.last + 1) / every > $0.base / every }.map(\.last)
                #expect(checkpoints.compactMap { $0["position"] as? Int } == expected)
                #expect(object["checkpointEvery"] as? Int == every)
                let headObject = try #require(object["head"] as? [String: Any])
                #expect(headObject["position"] as? Int == 23)
                if every == 1 {
                    #expect(checkpoints.count == batches.count)
                    #expect(checkpoints.last?["hash"] as? String == headObject["hash"] as? String)
                }
            }
        }
    }

    @Test func anIntactLogProvesItsEarlierHeadsAfterGrowing() async throws {
        try await withLog { directory in
            let early = try head(directory)
            let saved = directory + "-heads.jsonl"
            defer { try? FileManager.default.removeItem(atPath: saved) }
            try (try verify(directory, ["--json", "--checkpoint-every", "3"]).standardOutput)
                .write(toFile: saved, atomically: true, encoding: .utf8)
            let more = try RapportProcess.run(["exec", "--data", directory], input: Self.accounts(100..<105))
            #expect(more.status == 0, "\(more.standardError)")

            let run = try verify(directory, ["--against", early])
            #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
            #expect(run.outputLines.first?.hasPrefix("PROVEN") == true)
            #expect(run.outputLines.contains("proven unchanged:  positions 0 to 23"))

            let fromFile = try verify(directory, ["--against", saved, "--json"])
            #expect(fromFile.status == 0, "\(fromFile.standardError)")
            let object = try json(fromFile)
            #expect(object["proven"] as? Bool == true)
            #expect(object["provenThrough"] as? Int == 23)
            #expect(object["firstDifference"] is NSNull)
            let heads = try #require(object["heads"] as? [[String: Any]])
            #expect(heads.allSatisfy { $0["outcome"] as? String == "matches" })
        }
    }

    @Test func aFlippedByteFailsAtTheDamagedBatch() async throws {
        try await withLog { directory in
            let recorded = try head(directory)
            let checkpoints = directory + "-checkpoints.json"
            defer { try? FileManager.default.removeItem(atPath: checkpoints) }
            try (try verify(directory, ["--json", "--checkpoint-every", "1"]).standardOutput)
                .write(toFile: checkpoints, atomically: true, encoding: .utf8)
            let damaged = directory + "/damaged"
            try copy(directory, to: damaged)
            let batches = try Self.batches(damaged)
            let target = batches[batches.count / 2]
            let file = try FileHandle(forUpdating: URL(fileURLWithPath: damaged + Self.segment))
            try file.seek(toOffset: UInt64(target.offset + target.size - 1))
            let byte = try #require(try file.read(upToCount: 1)).first ?? 0
            try file.seek(toOffset: UInt64(target.offset + target.size - 1))
            try file.write(contentsOf: Data([byte ^ 0x40]))
            try file.close()

            let plain = try verify(damaged)
            #expect(plain.status == 1)
            #expect(plain.outputLines.first?.hasPrefix("DAMAGED") == true)

            let single = try verify(damaged, ["--against", recorded, "--json"])
            #expect(single.status == 1)
            let one = try json(single)
            #expect(one["proven"] as? Bool == false)
            #expect(one["provenThrough"] is NSNull)
            let difference = try #require(one["firstDifference"] as? [String: Any])
            #expect(difference["from"] as? Int == 0)
            #expect(difference["through"] as? Int == target.base)
            #expect((difference["reason"] as? String)?.contains("damaged from position \(target.base)") == true)

            let listed = try verify(damaged, ["--against", checkpoints])
            #expect(listed.status == 1)
            #expect(listed.outputLines.first?.hasPrefix("DIFFERS") == true)
            #expect(listed.outputLines.contains("first difference:  position \(target.base)"))
            #expect(listed.outputLines.contains("proven unchanged:  positions 0 to \(target.base - 1)"))
        }
    }

    @Test func aTruncatedLogFailsWhereItNowEnds() async throws {
        try await withLog { directory in
            let recorded = try head(directory)
            let truncated = directory + "/truncated"
            try copy(directory, to: truncated)
            let batches = try Self.batches(truncated)
            let cut = batches[batches.count - 3]
            // Cut inside the batch: the verifier reports an incomplete tail, the log ends before `cut`.
            try FileHandle(forWritingTo: URL(fileURLWithPath: truncated + Self.segment))
                .truncate(atOffset: UInt64(cut.offset + 40))

            let run = try verify(truncated, ["--against", recorded, "--json"])
            #expect(run.status == 1)
            let object = try json(run)
            let heads = try #require(object["heads"] as? [[String: Any]])
            #expect(heads.first?["outcome"] as? String == "missing")
            let difference = try #require(object["firstDifference"] as? [String: Any])
            #expect(difference["through"] as? Int == cut.base)
            #expect((difference["reason"] as? String)?.contains("ends at position \(cut.base - 1)") == true)
        }
    }

    @Test func aRewrittenHistoryFailsAtTheFirstRewrittenBatch() async throws {
        try await withLog { directory in
            let recorded = try head(directory)
            let checkpoints = directory + "-all.json"
            defer { try? FileManager.default.removeItem(atPath: checkpoints) }
            try (try verify(directory, ["--json", "--checkpoint-every", "1"]).standardOutput)
                .write(toFile: checkpoints, atomically: true, encoding: .utf8)
            let rewritten = directory + "/rewritten"
            try copy(directory, to: rewritten)
            let batches = try Self.batches(rewritten)
            let kept = batches[batches.count / 2 - 1]
            try FileHandle(forWritingTo: URL(fileURLWithPath: rewritten + Self.segment))
                .truncate(atOffset: UInt64(kept.offset + kept.size))
            let other = try RapportProcess.run(
                ["exec", "--data", rewritten],
                input: Self.accounts(0..<40, prefix: "R")
            )
            #expect(other.status == 0, "\(other.standardError)")
            #expect(try verify(rewritten).status == 0, "the rewritten log is consistent in itself")

            let single = try json(try verify(rewritten, ["--against", recorded, "--json"]))
            let difference = try #require(single["firstDifference"] as? [String: Any])
            #expect(difference["from"] as? Int == 0)
            #expect(difference["through"] as? Int == 23)

            let listed = try verify(rewritten, ["--against", checkpoints, "--json"])
            #expect(listed.status == 1)
            let object = try json(listed)
            #expect(object["provenThrough"] as? Int == kept.last)
            let narrowed = try #require(object["firstDifference"] as? [String: Any])
            #expect(narrowed["from"] as? Int == kept.last + 1)
            #expect(narrowed["through"] as? Int == batches[batches.count / 2].last)
        }
    }

    @Test(arguments: [
        ("12", "<position>:<hash>"),
        ("x:" + String(repeating: "a", count: 64), "not a whole number"),
        ("5:zz", "64 hexadecimal digits"),
        ("5:" + String(repeating: "a", count: 63), "64 hexadecimal digits"),
        ("-1:" + String(repeating: "a", count: 64), "not a whole number"),
    ])
    func malformedHeadsAreRefused(head: String, message: String) async throws {
        try await withLog { directory in
            let run = try verify(directory, ["--against=" + head])
            #expect(run.status != 0)
            #expect(run.standardError.contains(message), "\(run.standardError)")
            #expect(run.standardError.contains("--against"))
        }
    }

    @Test(arguments: [
        ("", "records no head"),
        ("not a head\n", "line 1"),
        ("{\"position\": 3}\n", "\"hash\""),
        ("[{\"position\": 3, \"hash\": 7}]", "\"hash\""),
        ("3:" + String(repeating: "a", count: 64) + "\n3:" + String(repeating: "b", count: 64) + "\n", "two different"),
    ])
    func malformedHeadFilesAreRefused(contents: String, message: String) async throws {
        try await withLog { directory in
            let path = directory + "-heads.txt"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try verify(directory, ["--against", path])
            #expect(run.status != 0)
            #expect(run.standardError.contains(message), "\(run.standardError)")
        }
    }
}
