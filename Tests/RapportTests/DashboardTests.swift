import Foundation
import PropertyBased
import RapportTestSupport
import Testing

@testable import Rapport

/// `rapport report` end to end on a small history whose figures are known, and the escaping and chart helpers it
/// is built from.
struct DashboardTests {
    private static func command(_ type: String, _ time: String, _ data: String) -> String {
        #"{"type":"\#(type)","actor":"u1","occurredAt":"\#(time)","data":{\#(data)}}"#
    }

    /// Three accounts (one named with every character HTML reserves), deals won and lost in January and February
    /// 2025, deals still open, and a critical case nobody answered.
    static let commands = [
        command(
            "OpenAccount",
            "2025-01-02T09:00:00Z",
            #""accountId":"A1","name":"<b>Acme & \"Sons\" 'Ltd'</b>","ownerId":"u1""#
        ),
        command("OpenAccount", "2025-01-02T09:00:00Z", #""accountId":"A2","name":"Globex","ownerId":"u1""#),
        command("OpenAccount", "2025-01-02T09:00:00Z", #""accountId":"A3","name":"Initech","ownerId":"u1""#),
        command(
            "OpenOpportunity",
            "2025-01-03T09:00:00Z",
            #""opportunityId":"O1","accountId":"A1","name":"One","amount":1000,"closeDate":"2025-01-31","ownerId":"u1""#
        ),
        command(
            "OpenOpportunity",
            "2025-01-03T09:00:00Z",
            #""opportunityId":"O2","accountId":"A1","name":"Two","amount":2000,"closeDate":"2025-02-28","ownerId":"u1""#
        ),
        command(
            "OpenOpportunity",
            "2025-01-03T09:00:00Z",
            #""opportunityId":"O3","accountId":"A2","name":"Three","amount":3000,"closeDate":"2025-02-28","ownerId":"u1""#
        ),
        command(
            "OpenOpportunity",
            "2025-01-04T09:00:00Z",
            #""opportunityId":"O4","accountId":"A3","name":"Four","amount":700,"closeDate":"2025-06-30","ownerId":"u1""#
        ),
        command("ChangeOpportunityStage", "2025-01-05T09:00:00Z", #""opportunityId":"O4","stage":"Needs Analysis""#),
        command("CloseOpportunityWon", "2025-01-20T09:00:00Z", #""opportunityId":"O1""#),
        command("CloseOpportunityLost", "2025-02-10T09:00:00Z", #""opportunityId":"O2","reason":"Price""#),
        command("CloseOpportunityWon", "2025-02-12T09:00:00Z", #""opportunityId":"O3""#),
        command(
            "OpenCase",
            "2025-01-06T09:00:00Z",
            #""caseId":"C1","accountId":"A1","subject":"Down <now>","priority":"Critical""#
        ),
    ]

    private func report(_ directory: String, _ arguments: [String]) throws -> (RapportProcess.Outcome, String) {
        let out = directory + "/site"
        let run = try RapportProcess.run(["report", "--data", directory, "--out", out] + arguments)
        let page = (try? String(contentsOfFile: out + "/index.html", encoding: .utf8)) ?? ""
        return (run, page)
    }

    @Test func thePageHoldsEverySectionWithTheHistorysFigures() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let (run, page) = try report(directory, ["--as-of", "2025-03-01"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.outputLines == [directory + "/site/index.html"])
            for title in [
                "Pipeline by stage", "Forecast by category", "Won revenue per month", "Win rate trend",
                "Case backlog by age and priority", "SLA breaches per week", "Top accounts",
            ] {
                #expect(page.contains("<h2>\(title)</h2>"), "\(title)")
            }
            #expect(page.components(separatedBy: "<svg ").count - 1 == 7)
            #expect(page.contains("<title>2025-01: 1 won, 1,000</title>"))
            #expect(page.contains("<title>2025-02: 1 won, 3,000</title>"))
            #expect(page.contains("<title>2025-01: 100.0% of 1 closed</title>"))
            #expect(page.contains("<title>2025-02: 50.0% of 2 closed</title>"))
            #expect(page.contains("<title>Needs Analysis: 1 deals, 700</title>"))
            #expect(page.contains("<title>2025-01-06, First response: 1</title>"), "the week the target fell due")
            #expect(page.contains("&gt;30d, Critical: 1"), "the case is 54 days old on 2025-03-01")
            let table = try #require(page.range(of: "<tbody>").map { String(page[$0.upperBound...]) })
            let order = ["Globex", "&lt;b&gt;Acme", "Initech"].compactMap { table.range(of: $0)?.lowerBound }
            #expect(order.count == 3 && order == order.sorted(), "by lifetime won, then open pipeline")
        }
    }

    @Test func textIsEscapedAndThePageNeedsNothingFromOutside() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let (run, page) = try report(directory, ["--as-of", "2025-03-01"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(page.contains("&lt;b&gt;Acme &amp; &quot;Sons&quot; &#39;Ltd&#39;&lt;/b&gt;"))
            #expect(!page.contains("<b>"))
            #expect(!page.contains("<script"))
            #expect(!page.contains("src="))
            #expect(!page.contains("href="))
            #expect(!page.contains("url("))
            #expect(page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http") == false)
        }
    }

    @Test func theSameHistoryAndMomentGiveTheSameBytes() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let (first, page) = try report(directory, ["--as-of", "2025-02-11T00:00:00Z"])
            #expect(first.status == 0, "\(first.standardError)")
            let (_, again) = try report(directory, ["--as-of", "2025-02-11T00:00:00Z"])
            #expect(page == again)
            #expect(page.contains("As of 2025-02-11T00:00:00.000000Z"))
            #expect(!page.contains("2025-02: 1 won, 3,000"), "O3 was won after that moment")
        }
    }

    @Test func anEmptyLogGivesAPageSayingThereIsNothing() async throws {
        try await withTemporaryDirectory { directory in
            let (run, page) = try report(directory, [])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(page.contains("No open deals."))
            #expect(page.contains("No open case."))
            #expect(page.contains("No account."))
        }
    }

    @Test func refusesABadMomentAndAnOutputThatIsNoFolder() async throws {
        try await withExecutedHistory(Self.commands) { directory in
            let bad = try RapportProcess.run([
                "report", "--data", directory, "--out", directory + "/x", "--as-of", "never",
            ])
            #expect(bad.status != 0)
            #expect(bad.standardError.contains("--as-of"))
            let file = directory + "/file"
            try "x".write(toFile: file, atomically: true, encoding: .utf8)
            let blocked = try RapportProcess.run(["report", "--data", directory, "--out", file])
            #expect(blocked.status == 1)
            #expect(blocked.standardError.contains("--out"), "\(blocked.standardError)")
            let missingOut = try RapportProcess.run(["report", "--data", directory])
            #expect(missingOut.status != 0)
            #expect(missingOut.standardError.contains("--out"))
        }
    }

    @Test func escapingRemovesEveryReservedCharacterAndCanBeUndone() async {
        let texts = Gen<UInt64>.uint64(in: 0...UInt64.max).map { seed -> String in
            var generator = SplitMix(seed: seed)
            let alphabet = Array("<>&\"' aZé漢\n;#") + ["&amp;", "&lt;"].flatMap(Array.init)
            return String(
                (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            )
        }
        await propertyCheck(count: 300, input: texts) { text in
            let escaped = HTMLText.escape(text)
            #expect(!escaped.contains(where: { "<>\"'".contains($0) }))
            let undone = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(undone == text)
        }
    }

    @Test func theValueAxisTopIsTheSmallestRoundNumberAtLeastTheLargestValue() async {
        await propertyCheck(count: 500, input: Gen<Double>.double(in: 0.001...1e12)) { value in
            let top = SVGChart.niceCeiling(value)
            let power = pow(10, floor(log10(top)))
            #expect(top >= value)
            #expect([1.0, 2.0, 2.5, 5.0].contains { abs(top / power - $0) < 1e-9 })
            let steps = [1.0, 2.0, 2.5, 5.0, 10.0].flatMap { step in [-1.0, 0.0].map { step * power * pow(10, $0) } }
            #expect(steps.filter { $0 >= value && $0 < top * (1 - 1e-12) }.isEmpty, "no smaller round number fits")
        }
        #expect(SVGChart.niceCeiling(0) == 1)
    }

    @Test(arguments: [0.0, 950, 1000, 12_500, 3_400_000, 1_200_000_000, -2500])
    func compactNumbers(value: Double) {
        let expected = [
            0.0: "0", 950: "950", 1000: "1k", 12_500: "12.5k", 3_400_000: "3.4M", 1_200_000_000: "1.2B", -2500: "-2.5k",
        ]
        #expect(HTMLText.compact(value) == expected[value])
    }

    @Test func barsAndStacksDrawOneMarkPerNonZeroValue() {
        let points = (0..<5).map { ChartPoint(label: "m\($0)", value: Double($0), detail: "d\($0)") }
        let bars = BarChart.svg(points, title: "t")
        #expect(bars.components(separatedBy: "<rect ").count - 1 == 5)
        let series = [
            ChartSeries(name: "a", color: "#000", values: [1, 0, 2]),
            ChartSeries(name: "b", color: "#111", values: [0, 3, 4]),
        ]
        let stacked = StackedBarChart.svg(categories: ["x", "y", "z"], series: series, title: "s")
        #expect(stacked.components(separatedBy: "<rect ").count - 1 == 4 + 2, "four marks and two legend keys")
        #expect(stacked.hasPrefix("<svg ") && stacked.hasSuffix("</svg>"))
    }
}
