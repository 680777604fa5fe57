import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import RapportTime
import Testing

struct ImportIncidentLogTests {
    private let source = ImportDatasets.source("incident-log")
    private let mapping = ImportDatasets.mapping("incident-log")

    /// The figures the import must reach, computed from the CSV file alone: each incident's updates in
    /// sys_mod_count order (then file order), an update dated before the one kept before it skipped.
    private struct Expected {
        var rows: Int
        var incidents: Int
        var skipped: Int
        var closed: Int
        var opened: [String: Timestamp] = [:]

        init(source: String) throws {
            let rows = try ImportDatasets.rows(source + "/incident_event_log.csv")
            self.rows = rows.count
            var groups: [String: [(Int, [String: String])]] = [:]
            for (index, row) in rows.enumerated() { groups[row["number"] ?? "", default: []].append((index, row)) }
            incidents = groups.count
            skipped = 0
            closed = 0
            for (number, updates) in groups {
                let ordered = updates.sorted {
                    (Int($0.1["sys_mod_count"] ?? "") ?? 0, $0.0) < (Int($1.1["sys_mod_count"] ?? "") ?? 0, $1.0)
                }
                var latest: Timestamp?
                var lastState = ""
                for (_, update) in ordered {
                    let time = try #require(Self.time(update["sys_updated_at"] ?? ""))
                    if let latest, time < latest {
                        skipped += 1
                        continue
                    }
                    latest = time
                    lastState = update["incident_state"] ?? ""
                }
                if lastState == "Closed" { closed += 1 }
                opened[number] = Self.time(ordered[0].1["opened_at"] ?? "")
            }
        }

        /// Reads `DD-MM-YYYY HH:MM` as UTC.
        static func time(_ text: String) -> Timestamp? {
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
            guard parts.count == 5, let date = CalendarDate(year: parts[2], month: parts[1], day: parts[0]) else {
                return nil
            }
            let seconds = Int64(parts[3] * 3600 + parts[4] * 60)
            return Timestamp(microsecondsSinceEpoch: date.startOfDay.microsecondsSinceEpoch + seconds * 1_000_000)
        }
    }

    @Test func replaysEveryIncidentAsACaseLifecycle() async throws {
        let expected = try Expected(source: source)
        try await withTemporaryDirectory { data in
            let (summary, state) = try await ImportDatasets.run(mapping, source: source, data: data)
            let file = try #require(summary.files.first)
            #expect(summary.balanced)
            #expect(summary.declaredAccountsOpened == 1)
            #expect(file.read == expected.rows)
            #expect(file.failed == 0)
            #expect(file.skipped == expected.skipped)
            #expect(file.created == expected.incidents)
            #expect(file.read == file.created + file.updated + file.unchanged + file.failed + file.skipped)
            #expect(state.cases.count == expected.incidents)
            #expect(state.cases.values.filter { $0.status == .closed }.count == expected.closed)
            // The events of the rows and the declared account's AccountOpened.
            #expect(summary.logEnd == UInt64(summary.events) + 1)
            let log = try EventLog.openForReading(directory: data)
            let incident = try log.readStream("case-INC0000045").map {
                try EventReading.event(in: $0, keys: .forReading(dataDirectory: log.directory))
            }
            #expect(incident.first?.event.eventType == "CaseOpened")
            #expect(incident.first?.occurredAt == expected.opened["INC0000045"])
            #expect(incident.last?.event.eventType == "CaseClosed")
            #expect(zip(incident, incident.dropFirst()).allSatisfy { $0.occurredAt <= $1.occurredAt })
            #expect(incident.allSatisfy { $0.metadata.provenance?.file == "incident_event_log.csv" })
            await log.close()
        }
    }

    @Test func aSecondRunAppendsNothing() async throws {
        try await withTemporaryDirectory { data in
            let first = try await ImportDatasets.run(mapping, source: source, data: data, batchId: "one").summary
            let second = try await ImportDatasets.run(mapping, source: source, data: data, batchId: "two").summary
            #expect(second.logEnd == first.logEnd)
            #expect(second.events == 0)
            let file = try #require(second.files.first)
            #expect(file.unchanged + file.skipped == file.read)
            #expect(second.declaredAccountsOpened == 0)
        }
    }

    /// A new update of a case appends only its change; a changed update in the middle of a case's imported history
    /// is refused rather than rewriting the present.
    @Test func aNewUpdateAppendsItsChangeAndARewrittenOneIsRefused() async throws {
        try await withTemporaryDirectory { data in
            let original = try String(contentsOfFile: source + "/incident_event_log.csv", encoding: .utf8)
            var lines = original.split(whereSeparator: \.isNewline).map(String.init)
            let header = lines[0]
            let rows = lines.dropFirst().filter { $0.hasPrefix("INC0000045,") }
            let changed = data + "/changed"
            try FileManager.default.createDirectory(atPath: changed, withIntermediateDirectories: true)
            func write(_ body: [String]) throws {
                try Data(([header] + body).joined(separator: "\n").appending("\n").utf8)
                    .write(to: URL(fileURLWithPath: changed + "/incident_event_log.csv"))
            }
            try write(Array(rows.dropLast()))
            let first = try await ImportDatasets.run(mapping, source: changed, data: data + "/log", batchId: "a")
                .summary
            try write(Array(rows))
            let second = try await ImportDatasets.run(mapping, source: changed, data: data + "/log", batchId: "b")
                .summary
            #expect(second.files[0].updated == 1)
            #expect(second.files[0].unchanged == rows.count - 1)
            #expect(second.logEnd == first.logEnd + UInt64(second.events))
            #expect(second.events == 1)
            lines = rows.map { $0 }
            lines[1] = lines[1].replacingOccurrences(of: ",Updated by 642,", with: ",Updated by 999,")
            try write(lines)
            let third = try await ImportDatasets.run(mapping, source: changed, data: data + "/log", batchId: "c")
                .summary
            #expect(third.events == 0)
            #expect(third.logEnd == second.logEnd)
            let errors = try ImportDatasets.outputRows(third.outputDirectory + "/incident_event_log.errors.csv")
            #expect(errors.map { $0["error_code"] } == ["history_changed"])
        }
    }
}
