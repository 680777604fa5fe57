import Foundation
import Rapport

/// The summary `rapport demo` prints: what was written, how fast, and how compactly.
struct DemoReport {
    let summary: DemoLoader.Summary
    let seconds: Double
    let bytesOnDisk: Int

    init(summary: DemoLoader.Summary, seconds: Double, directory: String) {
        self.summary = summary
        self.seconds = seconds
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        bytesOnDisk = files.filter { $0.hasSuffix(".log") }.reduce(0) { total, name in
            let size = (try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size]) as? Int
            return total + (size ?? 0)
        }
    }

    private var eventsPerSecond: Double { seconds > 0 ? Double(summary.events) / seconds : 0 }
    private var bytesPerEvent: Double { summary.events > 0 ? Double(bytesOnDisk) / Double(summary.events) : 0 }

    var text: String {
        """
        accounts: \(summary.accounts)
        commands: \(summary.commands) (\(summary.refused) refused)
        events: \(summary.events)
        seconds: \(String(format: "%.2f", seconds)) (\(Int(eventsPerSecond)) events/s)
        log bytes: \(bytesOnDisk) (\(String(format: "%.1f", bytesPerEvent)) bytes/event)
        """
    }

    var json: String {
        JSONValue.object([
            "accounts": .integer(Int64(summary.accounts)),
            "commands": .integer(Int64(summary.commands)),
            "refused": .integer(Int64(summary.refused)),
            "events": .integer(Int64(summary.events)),
            "seconds": .double(seconds),
            "eventsPerSecond": .double(eventsPerSecond.rounded()),
            "logBytes": .integer(Int64(bytesOnDisk)),
            "bytesPerEvent": .double((bytesPerEvent * 10).rounded() / 10),
        ]).canonicalString
    }
}
