import Foundation
import LogWorkloads
import RapportLog

// Prints the log engine's figures as one JSON object, for tools/compare-sqlite and for quick checks:
//
//   LogFigures [--records N] [--in-flight N] [--durable-appenders N] [--durable-appends N] [--durable-batch N]
//              [--durable-mode fsync|none] [--tail-mib N] [--only bulk,durable,scan,open]
//
// bulk: N records in appends of 1,000 under durability none, --in-flight appends (32) under way at once, the
// bytes on disk and the CPU time per record on all threads (steadier than wall-clock time on a busy machine);
// scan: a forward scan of those N records; durable: appenders x appends x batch records under fsync, each
// append timed; open: opening a log whose unsealed segment holds --tail-mib MiB of batches and ends in a torn
// batch, with the page cache cold and then warm.

struct Settings {
    var records = 1_000_000
    var inFlight = 32
    var durableAppenders = 64
    var durableAppends = 500
    var durableBatch = 1
    var durableMode = Durability.fsync
    var tailMebibytes = 64
    var only: Set<String> = ["bulk", "durable", "scan", "open"]

    init(arguments: [String]) {
        var remaining = arguments.makeIterator()
        while let flag = remaining.next() {
            guard let value = remaining.next() else { usage("\(flag) needs a value") }
            switch flag {
            case "--records": records = Self.number(value, flag)
            case "--in-flight": inFlight = Self.number(value, flag)
            case "--durable-appenders": durableAppenders = Self.number(value, flag)
            case "--durable-appends": durableAppends = Self.number(value, flag)
            case "--durable-batch": durableBatch = Self.number(value, flag)
            case "--durable-mode": durableMode = Self.durability(value)
            case "--tail-mib": tailMebibytes = Self.number(value, flag)
            case "--only": only = Set(value.split(separator: ",").map(String.init))
            default: usage("unknown option \(flag)")
            }
        }
    }

    private static func durability(_ text: String) -> Durability {
        switch text {
        case "fsync": .fsync
        case "none": .none
        default: usage("--durable-mode is fsync or none, not \(text)")
        }
    }

    private static func number(_ text: String, _ flag: String) -> Int {
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
            usage("\(flag) needs a positive number, not \(text)")
        }
        return value
    }
}

func usage(_ problem: String) -> Never {
    FileHandle.standardError.write(Data("LogFigures: \(problem)\n".utf8))
    exit(64)
}

func rounded(_ value: Double) -> Double {
    (value * 1000).rounded() / 1000
}

/// The CPU time the process has used, on all its threads.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The sum of the sizes of the files in a directory.
func bytesOnDisk(_ directory: String) throws -> Int {
    try FileManager.default.contentsOfDirectory(atPath: directory).reduce(0) { total, name in
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(directory)/\(name)")
        return total + ((attributes[.size] as? NSNumber)?.intValue ?? 0)
    }
}

let settings = Settings(arguments: Array(CommandLine.arguments.dropFirst()))
var figures: [String: [String: Double]] = [:]

if !settings.only.isDisjoint(with: ["bulk", "scan"]) {
    let appends = BenchmarkRecords.appends(0..<settings.records, recordsPerAppend: 1000)
    try await withScratchDirectory("figures") { directory in
        let cpuBefore = processCPUSeconds()
        let bulk = try await BulkAppend.run(directory: directory, appends: appends, inFlight: settings.inFlight)
        let cpu = processCPUSeconds() - cpuBefore
        figures["bulk"] = [
            "records": Double(bulk.records), "seconds": rounded(bulk.seconds),
            "recordsPerSecond": bulk.recordsPerSecond.rounded(), "bytesOnDisk": Double(try bytesOnDisk(directory)),
            "cpuNanosecondsPerRecord": (cpu * 1e9 / Double(bulk.records)).rounded(),
        ]
        if settings.only.contains("scan") {
            let log = try EventLog.openForReading(directory: directory)
            _ = try ForwardScan.run(log)
            let (scan, _) = try ForwardScan.run(log)
            figures["scan"] = [
                "records": Double(scan.records), "seconds": rounded(scan.seconds),
                "recordsPerSecond": scan.recordsPerSecond.rounded(),
            ]
        }
    }
}

if settings.only.contains("durable") {
    let durable = try await withScratchDirectory("durable") { directory in
        try await DurableAppend.run(
            directory: directory,
            appenders: settings.durableAppenders,
            appendsPerAppender: settings.durableAppends,
            recordsPerAppend: settings.durableBatch,
            durability: settings.durableMode
        )
    }
    figures["durable"] = [
        "records": Double(durable.throughput.records), "seconds": rounded(durable.throughput.seconds),
        "recordsPerSecond": durable.throughput.recordsPerSecond.rounded(),
        "appenders": Double(settings.durableAppenders), "recordsPerAppend": Double(settings.durableBatch),
        "p50Microseconds": rounded(durable.p50Microseconds), "p99Microseconds": rounded(durable.p99Microseconds),
        "maximumMicroseconds": rounded(durable.maximumMicroseconds),
    ]
}

if settings.only.contains("open") {
    try await withScratchDirectory("open") { directory in
        let records = try await CrashedTail.prepare(directory: directory, bytes: settings.tailMebibytes << 20)
        CrashedTail.evictFromCache(directory: directory)
        try CrashedTail.tear(directory: directory)
        CrashedTail.evictFromCache(directory: directory)
        let (cold, coldReport) = try await CrashedTail.open(directory: directory)
        try CrashedTail.tear(directory: directory)
        let (warm, warmReport) = try await CrashedTail.open(directory: directory)
        guard coldReport.truncation != nil, warmReport.truncation != nil else {
            usage("the torn batch was not found at open")
        }
        figures["open"] = [
            "records": Double(records), "tailBytes": Double(warmReport.scannedTailBytes),
            "coldSeconds": rounded(cold.seconds), "warmSeconds": rounded(warm.seconds),
        ]
    }
}

let json = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys, .prettyPrinted])
print(String(decoding: json, as: UTF8.self))
