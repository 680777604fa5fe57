import Foundation
import RapportCRM
import RapportLog
import RapportTestSupport
import RapportTime
import Testing

@testable import Rapport

/// The shared datasets, the shipped mappings, and an independent way to read the datasets' CSV files.
enum ImportDatasets {
    /// The project's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A dataset's directory, `../shared/datasets/<name>` from the project's root.
    static func source(_ name: String) -> String {
        root.deletingLastPathComponent().appendingPathComponent("shared/datasets/\(name)").path
    }

    /// A shipped mapping, `tools/mappings/<name>.json`.
    static func mapping(_ name: String) -> String {
        root.appendingPathComponent("tools/mappings/\(name).json").path
    }

    /// The rows of a CSV file as column-to-value dictionaries, read by splitting lines and commas: the datasets
    /// hold no quoted fields, which this checks, so no CSV reader is needed to read them independently.
    static func rows(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("\""))
        // A CRLF is one Character in Swift, so lines are split on every kind of line break.
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    /// Runs an import on an engine of `data`, closing it after.
    static func run(
        _ mapping: String,
        source: String,
        data: String,
        dryRun: Bool = false,
        batchId: String = "batch-1"
    ) async throws -> (summary: ImportSummary, state: DecisionState) {
        var options = EngineOptions()
        options.log.durability = .none
        let engine = try await Engine.open(directory: data, options: options)
        do {
            let summary = try await Importer.run(
                try ImportMapping.load(mapping),
                into: engine,
                options: ImportOptions(
                    sourceDirectory: source,
                    outputDirectory: data + "/imports/" + batchId,
                    dryRun: dryRun,
                    batchId: batchId
                )
            )
            let state = engine.decisionState
            await engine.close()
            return (summary, state)
        } catch {
            await engine.close()
            throw error
        }
    }

    /// The rows of a success or error file the import wrote, read with the import's own CSV reader (they quote
    /// messages, which the simple reader above does not handle).
    static func outputRows(_ path: String) throws -> [[String: String]] {
        let table = try CSVReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0.fields)) }
    }

    /// A file's summary by name.
    static func file(_ name: String, in summary: ImportSummary) -> ImportSummary.FileSummary? {
        summary.files.first { $0.file == name }
    }
}

struct ImportMavenCRMTests {
    private let source = ImportDatasets.source("maven-crm")
    private let mapping = ImportDatasets.mapping("maven-crm")

    /// The figures the import must reach, computed from the CSV files alone.
    private struct Expected {
        var accounts: Int
        var products: Int
        var agents: Int
        var deals: Int
        var dealsWithoutAccount: Int
        var closedDealsWithAccount: Int
        var sourceSum: Double
        var loadedSum: Double

        init(source: String) throws {
            accounts = try ImportDatasets.rows(source + "/accounts.csv").count
            products = try ImportDatasets.rows(source + "/products.csv").count
            agents = try ImportDatasets.rows(source + "/sales_teams.csv").count
            let deals = try ImportDatasets.rows(source + "/sales_pipeline.csv")
            self.deals = deals.count
            dealsWithoutAccount = deals.filter { $0["account"] == "" }.count
            closedDealsWithAccount =
                deals.filter {
                    $0["account"] != "" && ($0["deal_stage"] == "Won" || $0["deal_stage"] == "Lost")
                }.count
            sourceSum = deals.compactMap { Double($0["close_value"] ?? "") }.reduce(0, +)
            loadedSum = deals.filter { $0["account"] != "" }.compactMap { Double($0["close_value"] ?? "") }
                .reduce(0, +)
        }

        /// One event per account, one per deal with an account, one more per such deal won or lost.
        var events: Int { accounts + (deals - dealsWithoutAccount) + closedDealsWithAccount }
    }

    @Test func importsTheWholeDatasetReconciled() async throws {
        let expected = try Expected(source: source)
        try await withTemporaryDirectory { data in
            let (summary, state) = try await ImportDatasets.run(mapping, source: source, data: data)
            #expect(summary.balanced)
            let accounts = try #require(ImportDatasets.file("accounts.csv", in: summary))
            let accountCounts: [Int] = [accounts.read, accounts.created, accounts.failed]
            #expect(accountCounts == [expected.accounts, expected.accounts, 0])
            #expect(ImportDatasets.file("products.csv", in: summary)?.skipped == expected.products)
            #expect(ImportDatasets.file("sales_teams.csv", in: summary)?.skipped == expected.agents)
            let deals = try #require(ImportDatasets.file("sales_pipeline.csv", in: summary))
            #expect(deals.read == expected.deals)
            #expect(deals.failed == expected.dealsWithoutAccount)
            #expect(deals.created == expected.deals - expected.dealsWithoutAccount)
            #expect(deals.read == deals.created + deals.updated + deals.unchanged + deals.failed + deals.skipped)
            let amounts = try #require(deals.amounts)
            #expect(amounts.source == expected.sourceSum)
            #expect(amounts.sourceLoaded == expected.loadedSum)
            #expect(amounts.log == expected.loadedSum)
            #expect(summary.events == expected.events)
            #expect(summary.logEnd == UInt64(expected.events))
            #expect(state.opportunities.count == expected.deals - expected.dealsWithoutAccount)
            let wonSum = state.opportunities.values.filter { $0.stage == "Closed Won" }
                .reduce(Money.zero) { $0 + $1.amount }
            #expect(wonSum.doubleValue == expected.loadedSum)
            #expect(
                state.accounts[try RecordId("bluth-company")]?.parentAccountId == (try RecordId("acme-corporation"))
            )
        }
    }

    @Test func everyFailedRowIsInTheErrorFileWithItsCode() async throws {
        let expected = try Expected(source: source)
        try await withTemporaryDirectory { data in
            let (summary, _) = try await ImportDatasets.run(mapping, source: source, data: data)
            let errorFile = summary.outputDirectory + "/sales_pipeline.errors.csv"
            let errors = try ImportDatasets.outputRows(errorFile)
            #expect(errors.count == expected.dealsWithoutAccount)
            #expect(errors.allSatisfy { $0["error_code"] == "parent_missing" && $0["account"] == "" })
            let successes = try ImportDatasets.outputRows(summary.outputDirectory + "/sales_pipeline.success.csv")
            #expect(successes.count == expected.deals - expected.dealsWithoutAccount)
            #expect(successes.first?["opportunity_id"] == "1C1I7A6R")
        }
    }

    @Test func keepsBusinessTimesNormalisedValuesAndProvenance() async throws {
        try await withTemporaryDirectory { data in
            _ = try await ImportDatasets.run(mapping, source: source, data: data, batchId: "batch-7")
            let log = try EventLog.openForReading(directory: data)
            let deal = try log.readStream("opportunity-1C1I7A6R").map {
                try EventReading.event(in: $0, keys: .forReading(dataDirectory: log.directory))
            }
            #expect(deal.map(\.event.eventType) == ["OpportunityOpened", "OpportunityClosedWon"])
            #expect(
                deal.map(\.occurredAt)
                    == [CalendarDate(iso: "2016-10-20"), CalendarDate(iso: "2017-03-01")].map { $0!.startOfDay }
            )
            #expect(
                deal[0].metadata.provenance == ImportProvenance(batchId: "batch-7", file: "sales_pipeline.csv", row: 2)
            )
            #expect(deal[0].metadata.actor == "import:maven-crm")
            let json = String(decoding: deal[1].cloudEventJSON(), as: UTF8.self)
            #expect(json.contains(#""importbatch":"batch-7","importfile":"sales_pipeline.csv","importrow":2"#))
            guard case .opportunity(.opened(let opened)) = deal[0].event else {
                Issue.record("expected OpportunityOpened, got \(deal[0].event)")
                return
            }
            #expect(opened.amount == Money(units: 1054))
            let pro = try log.readStream("opportunity-Z063OYW0").map {
                try EventReading.event(in: $0, keys: .forReading(dataDirectory: log.directory))
            }
            guard case .opportunity(.opened(let proOpened)) = pro.first?.event else {
                Issue.record("expected OpportunityOpened for Z063OYW0")
                return
            }
            #expect(proOpened.name == "GTX Pro")
            #expect(proOpened.ownerId == (try RecordId("darcel-schlecht")))
            let acme = try log.readStream("account-acme-corporation").map {
                try EventReading.event(in: $0, keys: .forReading(dataDirectory: log.directory))
            }
            guard case .account(.opened(let account)) = acme.first?.event else {
                Issue.record("expected AccountOpened for Acme Corporation")
                return
            }
            #expect(account.industry == "technology")
            #expect(account.annualRevenue == Money(tenThousandths: 1_100_040_000 * 10_000))
            await log.close()
        }
    }

    @Test func aSecondRunAppendsNothing() async throws {
        let expected = try Expected(source: source)
        try await withTemporaryDirectory { data in
            let first = try await ImportDatasets.run(mapping, source: source, data: data, batchId: "first").summary
            let second = try await ImportDatasets.run(mapping, source: source, data: data, batchId: "second").summary
            #expect(second.logEnd == first.logEnd)
            #expect(second.events == 0)
            #expect(second.balanced)
            let deals = try #require(ImportDatasets.file("sales_pipeline.csv", in: second))
            #expect(deals.unchanged == expected.deals - expected.dealsWithoutAccount)
            #expect(deals.failed == expected.dealsWithoutAccount)
            #expect(ImportDatasets.file("accounts.csv", in: second)?.unchanged == expected.accounts)
        }
    }

    @Test func aChangedRowAppendsOnlyTheChange() async throws {
        try await withTemporaryDirectory { data in
            let changed = data + "/changed"
            try FileManager.default.createDirectory(atPath: changed, withIntermediateDirectories: true)
            for name in ["accounts.csv", "products.csv", "sales_teams.csv", "sales_pipeline.csv"] {
                var text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
                text = text.replacingOccurrences(of: "Betasoloin,medical,", with: "Betasoloin,software,")
                text = text.replacingOccurrences(
                    of: "Cancity,Won,2016-10-20,2017-03-01,1054",
                    with: "Cancity,Won,2016-10-20,2017-03-01,1100"
                )
                try Data(text.utf8).write(to: URL(fileURLWithPath: changed + "/" + name))
            }
            let first = try await ImportDatasets.run(mapping, source: source, data: data + "/log", batchId: "a").summary
            let (second, state) = try await ImportDatasets.run(
                mapping,
                source: changed,
                data: data + "/log",
                batchId: "b"
            )
            let accounts = try #require(ImportDatasets.file("accounts.csv", in: second))
            let accountCounts: [Int] = [accounts.updated, accounts.unchanged, accounts.events]
            #expect(accountCounts == [1, accounts.read - 1, 1])
            let deals = try #require(ImportDatasets.file("sales_pipeline.csv", in: second))
            #expect(deals.updated == 1)
            // Reopened, the amount changed, won again: the deal's change and nothing else.
            #expect(deals.events == 3)
            #expect(second.logEnd == first.logEnd + 4)
            #expect(deals.amounts?.balanced == true)
            #expect(deals.amounts?.log == (first.files.last?.amounts?.log ?? 0) + 46)
            #expect(state.opportunities[try RecordId("1C1I7A6R")]?.amount == Money(units: 1100))
            #expect(state.opportunities[try RecordId("1C1I7A6R")]?.stage == "Closed Won")
        }
    }

    private static func counts(_ file: ImportSummary.FileSummary) -> [Int] {
        [file.read, file.created, file.updated, file.unchanged, file.failed, file.skipped]
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() async throws {
        try await withTemporaryDirectory { data in
            let dry = try await ImportDatasets.run(mapping, source: source, data: data + "/dry", dryRun: true).summary
            let log = try EventLog.openForReading(directory: data + "/dry")
            #expect(log.endPosition == 0)
            await log.close()
            let real = try await ImportDatasets.run(mapping, source: source, data: data + "/real").summary
            #expect(dry.dryRun)
            #expect(dry.events == real.events)
            for (dryFile, realFile) in zip(dry.files, real.files) {
                #expect(Self.counts(dryFile) == Self.counts(realFile))
                #expect(dryFile.amounts == realFile.amounts)
            }
        }
    }
}
