import Foundation
import RapportLog
import RapportTestSupport
import Testing

/// A writer killed with SIGKILL at random moments loses nothing it acknowledged.
struct CrashSafetyTests {
    /// The kills: each at a different moment of appending, segment rolls included (segments are small).
    static let rounds = 32

    @Test func killedWriterLosesNoAcknowledgedRecord() async throws {
        signal(SIGPIPE, SIG_IGN)
        try await withTemporaryDirectory { directory in
            var generator = SystemRandomNumberGenerator()
            var sent: [String] = []
            var acknowledgedPositions: [Int: String] = [:]
            var kills: [String] = []
            for round in 0..<Self.rounds {
                let appender = try LiveAppender(["log", "append", "--data", directory, "--segment-size", "32KiB"])
                let firstLine = sent.count
                let waitFor = Int.random(in: 1...400, using: &generator)
                let feeder = Thread { [count = waitFor + 2000] in
                    for number in firstLine..<(firstLine + count) {
                        guard appender.send(Self.line(number)) else { return }
                    }
                }
                feeder.start()
                sent += (firstLine..<(firstLine + waitFor + 2000)).map { Self.line($0) }
                _ = appender.waitForAcknowledgements(waitFor)
                let acknowledged = appender.kill()
                kills.append("round \(round): killed after \(acknowledged.count) acknowledgements")
                for (offset, line) in acknowledged.enumerated() {
                    let ack = try JSONLine(line)
                    let position = try #require(ack["position"] as? Int)
                    acknowledgedPositions[position] = sent[firstLine + offset]
                }

                let log = try EventLog.open(directory: directory)
                let records = try log.read(from: 0, limit: .max)
                await log.close()
                #expect(records.map(\.position) == (0..<UInt64(records.count)).map { $0 }, "\(kills)")
                for (position, line) in acknowledgedPositions {
                    #expect(position < records.count, "acknowledged position \(position) lost; \(kills)")
                    guard position < records.count else { continue }
                    #expect(Self.line(of: records[position]) == line, "position \(position) differs; \(kills)")
                }
                let report = try LogVerifier(directory: directory).verify()
                #expect(report.isIntact, "\(String(describing: report.problem)); \(kills)")
                // The records that survived, acknowledged or not, are exactly the lines sent, in order.
                #expect(records.map(Self.line(of:)) == Array(sent.prefix(records.count)), "\(kills)")
                sent = Array(sent.prefix(records.count))
                if Task.isCancelled { return }
            }
        }
    }

    private static func line(_ number: Int) -> String {
        InputLines.record(
            stream: "account-\(number % 13)",
            type: number % 2 == 0 ? "NoteAdded" : "AccountUpdated",
            data: #"{"n":\#(number),"text":"\#(String(repeating: "x", count: number % 90))"}"#
        ) + "\n"
    }

    /// The input line a stored record came from, rebuilt from its fields.
    private static func line(of record: LogRecord) -> String {
        InputLines.record(
            stream: record.streamId,
            type: record.type,
            data: String(decoding: record.payload, as: UTF8.self)
        ) + "\n"
    }
}
