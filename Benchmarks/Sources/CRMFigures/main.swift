import CRMWorkloads
import Foundation
import LogWorkloads
import Rapport
import RapportLog

// The CRM engine's per-event work (decoding, rebuilding the read models, bulk commands) on a demo log kept on disk,
// one figure a line:
//
//   CRMFigures write DIR [--accounts 10000]    the demo history into a new data directory (the benchmarks' setup)
//   CRMFigures decode DIR [--passes 5]         every event decoded into typed values, as DecodeEvents does
//   CRMFigures rebuild DIR [--passes 5]        every read model rebuilt from zero, as RebuildReadModels does
//   CRMFigures commands DIR [--accounts 2000]  the demo's commands in bulk into a new directory, removed after
//   CRMFigures json - [--accounts 2000]        the demo's commands read from their JSON, as DecodeCommandJSON does
//
// Unlike the CRMEngine benchmarks, it writes its log once and can then be run as often as wanted, alternately with
// another build, or under `valgrind --tool=callgrind`, whose instruction counts do not depend on what else the
// machine is doing. Top-level code rather than an argument parser's async entry point, which valgrind cannot run.

/// Ends the process with a usage message.
func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(
        Data(
            """
            CRMFigures: \(problem)
            usage: CRMFigures write|decode|rebuild|commands|json DIR [--accounts N] [--passes N]

            """.utf8
        )
    )
    exit(64)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { usage("a subcommand and a directory are needed") }
let (subcommand, directory) = (arguments[0], arguments[1])
var counts = ["--accounts": ["commands", "json"].contains(subcommand) ? 2_000 : 10_000, "--passes": 5]
var options = arguments.dropFirst(2).makeIterator()
while let flag = options.next() {
    guard counts[flag] != nil else { usage("unknown option \(flag)") }
    guard let text = options.next(), let count = Int(text), count > 0 else { usage("\(flag) needs a positive count") }
    counts[flag] = count
}
let accounts = counts["--accounts"]!
let passes = counts["--passes"]!

switch subcommand {
case "write":
    guard !FileManager.default.fileExists(atPath: directory) else { usage("\(directory) exists already") }
    let report = try await DemoLog.write(into: directory, accounts: accounts)
    print("wrote \(report.events) events")
case "decode":
    let log = try EventLog.openForReading(directory: directory)
    for _ in 0..<passes {
        let (figure, checksum) = try EventDecoding.run(log)
        print(Int(figure.recordsPerSecond), "events/s", "checksum", checksum)
    }
case "rebuild":
    let log = try EventLog.openForReading(directory: directory)
    let keys = PersonalDataKeys.forReading(dataDirectory: directory)
    for _ in 0..<passes {
        let (figure, _) = try ReadModelRebuild.run(log, keys: keys)
        print(Int(figure.recordsPerSecond), "events/s")
    }
case "commands":
    guard !FileManager.default.fileExists(atPath: directory) else { usage("\(directory) exists already") }
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let figure = try await BulkCommands.run(directory: directory, batches: BulkCommands.batches(accounts: accounts))
    print(Int(figure.recordsPerSecond), "commands/s")
case "json":
    let texts = try CommandJSONDecoding.texts(accounts: accounts)
    for _ in 0..<passes {
        let (figure, _) = try CommandJSONDecoding.run(texts)
        print(Int(figure.recordsPerSecond), "commands/s")
    }
default:
    usage("unknown subcommand \(subcommand)")
}
