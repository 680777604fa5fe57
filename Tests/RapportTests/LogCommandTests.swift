import Foundation
import RapportLog
import RapportTestSupport
import Testing

/// `rapport log …` run end to end as a child process, as a user runs it.
struct LogCommandTests {
    @Test func appendPrintsEachDurableRecordAndDumpReadsThemBack() async throws {
        try await withTemporaryDirectory { directory in
            let input = [
                InputLines.record(stream: "account-1", expectedVersion: #""no_stream""#, data: #"{"name":"Acme"}"#),
                InputLines.record(stream: "account-2", data: #"{"name":"Globex","tags":["b","a"]}"#),
                InputLines.record(
                    stream: "account-1",
                    expectedVersion: "1",
                    type: "AccountRenamed",
                    data: #""Acme Ltd""#
                ),
            ].joined(separator: "\n")
            let appended = try RapportProcess.run(["log", "append", "--data", directory], input: input)
            #expect(appended.status == 0, "\(appended.standardError)")
            #expect(
                appended.outputLines == [
                    #"{"position":0,"stream":"account-1","version":1}"#,
                    #"{"position":1,"stream":"account-2","version":1}"#,
                    #"{"position":2,"stream":"account-1","version":2}"#,
                ]
            )

            let dumped = try RapportProcess.run(["log", "dump", "--data", directory])
            #expect(dumped.status == 0)
            let records = try dumped.outputLines.map(JSONLine.init)
            #expect(records.map { $0["position"] as? Int } == [0, 1, 2])
            #expect(records.map { $0["stream"] as? String } == ["account-1", "account-2", "account-1"])
            #expect(records.map { $0["version"] as? Int } == [1, 1, 2])
            #expect(records.map { $0["type"] as? String } == ["NoteAdded", "NoteAdded", "AccountRenamed"])
            #expect(dumped.outputLines[1].contains(#""data":{"name":"Globex","tags":["b","a"]}"#))
            #expect(records[2]["data"] as? String == "Acme Ltd")
            #expect(records.allSatisfy { ($0["recordedAt"] as? String)?.hasSuffix("Z") == true })

            let stream = try RapportProcess.run(["log", "dump", "--data", directory, "--stream", "account-1"])
            #expect(try stream.outputLines.map(JSONLine.init).map { $0["position"] as? Int } == [0, 2])
            let window = try RapportProcess.run(["log", "dump", "--data", directory, "--from", "1", "--limit", "1"])
            #expect(try window.outputLines.map(JSONLine.init).map { $0["position"] as? Int } == [1])
        }
    }

    @Test func appendKeepsOccurredAtMetadataAndId() async throws {
        try await withTemporaryDirectory { directory in
            let line =
                #"{"stream":"case-9","type":"CaseOpened","data":{},"metadata":{"actor":"ana"},"#
                + #""id":"7D444840-9DC0-11D1-B245-5FFDCE74FAD2","occurredAt":"2016-02-29T01:16:00+01:00"}"#
            #expect(try RapportProcess.run(["log", "append", "--data", directory], input: line).status == 0)
            let record = try JSONLine(try RapportProcess.run(["log", "dump", "--data", directory]).outputLines[0])
            #expect(record["occurredAt"] as? String == "2016-02-29T00:16:00.000000Z")
            #expect(record["id"] as? String == "7d444840-9dc0-11d1-b245-5ffdce74fad2")
            #expect((record["metadata"] as? [String: Any])?["actor"] as? String == "ana")
        }
    }

    @Test func dumpSinceStartsAtTheFirstRecordAtOrAfterTheTime() async throws {
        try await withTemporaryDirectory { directory in
            #expect(
                try RapportProcess.run(["log", "append", "--data", directory], input: InputLines.many(3)).status == 0
            )
            let all = try RapportProcess.run(["log", "dump", "--data", directory]).outputLines.map(JSONLine.init)
            let secondTime = try #require(all[1]["recordedAt"] as? String)
            let since = try RapportProcess.run(["log", "dump", "--data", directory, "--since", secondTime])
            let positions = try since.outputLines.map(JSONLine.init).map { $0["position"] as? Int }
            #expect(positions.first == 1 || (all[0]["recordedAt"] as? String == secondTime && positions.first == 0))
            #expect(positions.last == 2)
            let future = try RapportProcess.run(["log", "dump", "--data", directory, "--since", "2999-01-01T00:00:00Z"])
            #expect(future.status == 0 && future.outputLines.isEmpty)
        }
    }

    @Test func atomicAppendWritesAllLinesOrNone() async throws {
        try await withTemporaryDirectory { directory in
            let good = InputLines.many(4)
            let atomic = try RapportProcess.run(["log", "append", "--data", directory, "--atomic"], input: good)
            #expect(atomic.status == 0)
            #expect(atomic.outputLines.count == 4)
            let conflicting =
                InputLines.many(2, first: 4) + InputLines.record(stream: "account-0", expectedVersion: "9")
            let refused = try RapportProcess.run(
                ["log", "append", "--data", directory, "--atomic"],
                input: conflicting
            )
            #expect(refused.status == 1)
            #expect(refused.standardError.contains("wrong_expected_version"))
            #expect(refused.outputLines.isEmpty)
            #expect(try LogSnapshot(directory).recordCount == 4)
        }
    }

    @Test func inspectShowsSegmentsRecordsBytesAndCompression() async throws {
        try await withTemporaryDirectory { directory in
            let input = InputLines.many(3000)
            let appended = try RapportProcess.run(
                ["log", "append", "--data", directory, "--atomic", "--segment-size", "64KiB"],
                input: input
            )
            #expect(appended.status == 0, "\(appended.standardError)")
            let more = try RapportProcess.run(
                ["log", "append", "--data", directory, "--durability", "none", "--segment-size", "64KiB"],
                input: InputLines.many(1000, first: 3000)
            )
            #expect(more.status == 0, "\(more.standardError)")
            let text = try RapportProcess.run(["log", "inspect", "--data", directory])
            #expect(text.status == 0)
            #expect(text.standardOutput.contains("records:           4000"))
            #expect(text.standardOutput.contains("streams:           7"))
            #expect(text.standardOutput.contains("sealed"))
            let json = try JSONLine(
                try RapportProcess.run(["log", "inspect", "--data", directory, "--json"]).standardOutput
            )
            #expect(json["records"] as? Int == 4000)
            let segments = try #require(json["segments"] as? [[String: Any]])
            #expect(segments.count > 1)
            #expect(segments.dropLast().allSatisfy { $0["sealed"] as? Bool == true })
            #expect((json["compressionRatio"] as? Double ?? 0) > 1.5)
            let bytes = try #require(json["fileBytes"] as? Int)
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".log") }
                .map { try FileManager.default.attributesOfItem(atPath: directory + "/" + $0)[.size] as? Int ?? 0 }
            #expect(bytes == onDisk.reduce(0, +))
        }
    }

    @Test func verifyExitsZeroWhenIntactAndOneNamingTheBadBatch() async throws {
        try await withTemporaryDirectory { directory in
            let appended = try RapportProcess.run(
                ["log", "append", "--data", directory, "--segment-size", "16KiB", "--durability", "none"],
                input: InputLines.many(600)
            )
            #expect(appended.status == 0)
            let intact = try RapportProcess.run(["log", "verify", "--data", directory, "--json"])
            #expect(intact.status == 0)
            #expect(try JSONLine(intact.standardOutput)["intact"] as? Bool == true)

            let first = directory + "/" + String(repeating: "0", count: 20) + ".log"
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: first)))
            bytes[400] ^= 0x40
            try Data(bytes).write(to: URL(fileURLWithPath: first))
            let damaged = try RapportProcess.run(["log", "verify", "--data", directory, "--json"])
            #expect(damaged.status == 1)
            let problem = try #require(try JSONLine(damaged.standardOutput)["problem"] as? [String: Any])
            #expect(problem["file"] as? String == "00000000000000000000.log")
            #expect((problem["byteOffset"] as? Int ?? .max) <= 400)
            let text = try RapportProcess.run(["log", "verify", "--data", directory])
            #expect(text.status == 1)
            #expect(text.standardOutput.contains("DAMAGED"))
            #expect(text.standardOutput.contains("00000000000000000000.log at byte"))
        }
    }
}
