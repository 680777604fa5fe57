import Foundation
import RapportLog
import RapportTestSupport
import Testing

/// Every command given bad input says what is wrong, exits non-zero, and leaves the log as it was.
struct BadInputTests {
    /// Input lines `rapport log append` refuses, with words its error must contain.
    static let refusedLines: [(line: String, expected: String)] = [
        ("{not json", "line 1: is not valid JSON"),
        (#"{"stream":"s","type":"T","data":1e999}"#, "line 1: is not valid JSON"),
        (#"["stream"]"#, "line 1: must be a JSON object"),
        (#"{"type":"T","data":1}"#, #"field "stream" is required"#),
        (#"{"stream":"","type":"T","data":1}"#, #"field "stream" must not be empty"#),
        (#"{"stream":7,"type":"T","data":1}"#, #"field "stream" is required and must be a string"#),
        (#"{"stream":"s","data":1}"#, #"field "type" is required"#),
        (#"{"stream":"s","type":"T"}"#, #"field "data" is required"#),
        (#"{"stream":"s","type":"T","data":1,"expectedVersion":"maybe"}"#, #"field "expectedVersion" must be"#),
        (#"{"stream":"s","type":"T","data":1,"expectedVersion":-1}"#, #"field "expectedVersion" must be"#),
        (#"{"stream":"s","type":"T","data":1,"expectedVersion":1.5}"#, #"field "expectedVersion" must be"#),
        (#"{"stream":"s","type":"T","data":1,"expectedVersion":true}"#, #"field "expectedVersion" must be"#),
        (
            #"{"stream":"s","type":"T","data":1,"expectedVersion":3}"#,
            "wrong_expected_version: stream s is at version 0, expected 3"
        ),
        (#"{"stream":"s","type":"T","data":1,"expectedVersion":"stream_exists"}"#, "wrong_expected_version"),
        (
            #"{"stream":"account-1","type":"T","data":1,"expectedVersion":"no_stream"}"#,
            "stream account-1 is at version 1"
        ),
        (#"{"stream":"s","type":"T","data":1,"metadata":[1]}"#, #"field "metadata" must be a JSON object"#),
        (#"{"stream":"s","type":"T","data":1,"id":"nope"}"#, #"field "id" must be a UUID"#),
        (
            #"{"stream":"s","type":"T","data":1,"occurredAt":"yesterday"}"#,
            #"field "occurredAt" must be an RFC 3339 time"#
        ),
        (#"{"stream":"s","type":"T","data":1,"occuredAt":"2026-01-01T00:00:00Z"}"#, #"field "occuredAt" is not known"#),
        (
            #"{"stream":"\#(String(repeating: "s", count: 70_000))","type":"T","data":1}"#,
            "streamId is 70000 bytes; at most 65535"
        ),
    ]

    @Test(arguments: refusedLines)
    func appendRefusesBadLineAndWritesNothing(line: String, expected: String) async throws {
        try await withTemporaryDirectory { directory in
            let seeded = try RapportProcess.run(
                ["log", "append", "--data", directory],
                input: InputLines.record(stream: "account-1", expectedVersion: #""no_stream""#)
            )
            #expect(seeded.status == 0)
            let before = try LogSnapshot(directory)
            let outcome = try RapportProcess.run(["log", "append", "--data", directory], input: line)
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
            #expect(outcome.standardOutput.isEmpty)
            #expect(try LogSnapshot(directory) == before)
        }
    }

    @Test func appendStopsAtTheFirstBadLineKeepingTheAcknowledgedOnes() async throws {
        try await withTemporaryDirectory { directory in
            let input = InputLines.many(2) + "{broken\n" + InputLines.many(2, first: 2)
            let outcome = try RapportProcess.run(["log", "append", "--data", directory], input: input)
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("line 3: is not valid JSON"))
            #expect(outcome.outputLines.count == 2)
            let snapshot = try LogSnapshot(directory)
            #expect(snapshot.recordCount == 2)
            #expect(snapshot.isIntact)
        }
    }

    /// Commands pointed at something that is not a usable data directory.
    static let unusableDirectories: [[String]] = [
        ["log", "dump"], ["log", "inspect"], ["log", "verify"], ["log", "append"],
    ]

    @Test(arguments: unusableDirectories)
    func commandsRefuseAFileAsDataDirectory(command: [String]) async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/not-a-directory"
            try Data("precious".utf8).write(to: URL(fileURLWithPath: file))
            let outcome = try RapportProcess.run(command + ["--data", file], input: InputLines.many(1))
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("not-a-directory"), "\(outcome.standardError)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("precious".utf8))
        }
    }

    @Test func readingCommandsRefuseAMissingDirectoryWithoutCreatingIt() async throws {
        try await withTemporaryDirectory { directory in
            let missing = directory + "/missing"
            for command in [["log", "dump"], ["log", "inspect"], ["log", "verify"]] {
                let outcome = try RapportProcess.run(command + ["--data", missing])
                #expect(outcome.status == 1)
                #expect(outcome.standardError.contains("missing"), "\(command): \(outcome.standardError)")
            }
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    /// Options with values no command accepts, and the words the usage error must contain.
    static let badOptions: [(arguments: [String], expected: String)] = [
        (["log", "dump", "--from", "-3"], "--from"),
        (["log", "dump", "--limit", "many"], "--limit"),
        (["log", "dump", "--since", "last tuesday"], "--since must be an RFC 3339 time"),
        (["log", "append", "--durability", "sometimes"], "--durability"),
        (["log", "append", "--segment-size", "12"], "--segment-size must be at least 4096 bytes"),
        (["log", "append", "--segment-size", "1XB"], "--segment-size"),
        (["log", "append", "--sync-interval", "0"], "--sync-interval must be at least 1"),
        (["log", "verify", "--strict"], "--strict"),
    ]

    @Test(arguments: badOptions)
    func badOptionsAreRefusedBeforeTouchingTheLog(arguments: [String], expected: String) async throws {
        try await withTemporaryDirectory { directory in
            #expect(
                try RapportProcess.run(["log", "append", "--data", directory], input: InputLines.many(3)).status == 0
            )
            let before = try LogSnapshot(directory)
            let outcome = try RapportProcess.run(arguments + ["--data", directory], input: InputLines.many(1))
            #expect(outcome.status == 64)
            #expect(outcome.standardError.contains(expected), "\(outcome.standardError)")
            #expect(try LogSnapshot(directory) == before)
        }
    }

    @Test func dumpOfAnUnknownStreamSaysSo() async throws {
        try await withTemporaryDirectory { directory in
            #expect(
                try RapportProcess.run(["log", "append", "--data", directory], input: InputLines.many(3)).status == 0
            )
            let outcome = try RapportProcess.run(["log", "dump", "--data", directory, "--stream", "account-99"])
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("stream_not_found: stream account-99 does not exist"))
        }
    }

    @Test func secondWriterIsRefusedWhileTheFirstHoldsTheDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let first = try LiveAppender(["log", "append", "--data", directory])
            #expect(first.send(InputLines.many(1)))
            #expect(first.waitForAcknowledgements(1).count == 1)
            let second = try RapportProcess.run(["log", "append", "--data", directory], input: InputLines.many(1))
            #expect(second.status == 1)
            #expect(second.standardError.contains("directory_locked"), "\(second.standardError)")
            let reader = try RapportProcess.run(["log", "dump", "--data", directory])
            #expect(reader.outputLines.count == 1)
            try first.finishInput()
            #expect(first.waitForExit().count == 1)
            #expect(first.status == 0)
            #expect(try LogSnapshot(directory).recordCount == 1)
        }
    }

    @Test func fullDiskFailsTheAppendAndKeepsEverythingAcknowledged() async throws {
        try await withTemporaryDirectory { directory in
            #expect(
                try RapportProcess.run(["log", "append", "--data", directory], input: InputLines.many(20)).status == 0
            )
            let before = try LogSnapshot(directory)
            let segment = directory + "/" + String(repeating: "0", count: 20) + ".log"
            let size = try #require(try FileManager.default.attributesOfItem(atPath: segment)[.size] as? Int)
            // The file-size limit (in 512-byte blocks for sh's ulimit) stands in for a disk with a few KiB free.
            let blocks = size / 512 + 8
            // Random text does not compress, so each record really takes its 1.5 KiB on disk.
            let large = (0..<40).map { number in
                let text = (0..<40).map { _ in UUID().uuidString }.joined()
                return InputLines.record(stream: "account-\(number)", data: #""\#(text)""#)
            }.joined(separator: "\n")
            let outcome = try RapportProcess.run(
                ["log", "append", "--data", directory],
                input: large,
                shellPrefix: "ulimit -f \(blocks)"
            )
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("io_failure"), "\(outcome.standardError)")
            let acknowledged = outcome.outputLines.count
            #expect(acknowledged < 40)
            let after = try LogSnapshot(directory)
            #expect(after.isIntact)
            #expect(after.recordCount == before.recordCount + acknowledged)
            #expect(Array(after.records.prefix(before.recordCount)) == before.records)
        }
    }

    @Test func directoriesWithoutPermissionAreRefusedAndLeftUnchanged() async throws {
        try await withTemporaryDirectory { directory in
            let data = directory + "/data"
            let appended = try RapportProcess.run(["log", "append", "--data", data], input: InputLines.many(5))
            #expect(appended.status == 0)
            let before = try LogSnapshot(data)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)

            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: data)
            let readOnly = try RapportProcess.run(
                ["log", "append", "--data", data],
                input: InputLines.many(1),
                unprivilegedFrom: directory
            )
            #expect(readOnly.status == 1)
            #expect(readOnly.standardError.contains("directory_unavailable"), "\(readOnly.standardError)")
            #expect(readOnly.standardError.contains("Permission denied"), "\(readOnly.standardError)")
            let reader = try RapportProcess.run(["log", "dump", "--data", data], unprivilegedFrom: directory)
            #expect(reader.status == 0)
            #expect(reader.outputLines.count == 5)

            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data)
            for command in [["log", "dump"], ["log", "inspect"], ["log", "verify"], ["log", "append"]] {
                let outcome = try RapportProcess.run(
                    command + ["--data", data],
                    input: InputLines.many(1),
                    unprivilegedFrom: directory
                )
                #expect(outcome.status == 1, "\(command)")
                #expect(outcome.standardError.contains("Permission denied"), "\(command): \(outcome.standardError)")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: data)
            #expect(try LogSnapshot(data) == before)
        }
    }
}
