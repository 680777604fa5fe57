import PropertyBased
import RapportCRM
import RapportProjections
import RapportTime
import Testing

/// The funnel on random demo histories: its totals add up, it survives its binary form, and it folds a history
/// cut anywhere.
struct FunnelPropertyTests {
    static let asOf = Timestamp(rfc3339: "2026-01-01T00:00:00Z")!

    @Test func leadTotalsAddUpAndMatchTheLeadEvents() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let report = history.fold(into: FunnelModel.self)
                .report(in: ReportContext(asOf: Self.asOf, position: UInt64(history.events.count)))
            let captured = history.events.count { if case .lead(.captured) = $0.event { true } else { false } }
            let converted = history.events.count { if case .lead(.converted) = $0.event { true } else { false } }
            #expect(report.leads.count == captured)
            #expect(report.leads.converted == converted)
            #expect(report.leads.bySource.map(\.count).reduce(0, +) == captured)
            #expect(report.leads.bySource.map(\.converted).reduce(0, +) == converted)
            #expect(report.leads.byStatus.map(\.count).reduce(0, +) == captured)
            let members = history.events.count { if case .campaign(.memberAdded) = $0.event { true } else { false } }
            #expect(report.campaigns.map(\.members).reduce(0, +) == members)
            for campaign in report.campaigns {
                #expect(campaign.responses <= campaign.members)
                #expect(campaign.wonOpportunities <= campaign.influencedOpportunities)
            }
        }
    }

    @Test func readsBackEqualFromItsBinaryForm() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let model = history.fold(into: FunnelModel.self)
            var writer = ByteWriter()
            model.write(to: &writer)
            let read = try writer.bytes.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes)
                let read = try FunnelModel.read(from: &reader)
                #expect(reader.isAtEnd)
                return read
            }
            #expect(read == model)
            let context = ReportContext(asOf: Self.asOf, position: UInt64(history.events.count))
            #expect(read.report(in: context) == model.report(in: context))
        }
    }

    @Test func foldsASuffixOfAHistoryIgnoringRecordsItNeverSawBegin() async {
        await propertyCheck(count: 30, input: RecordedHistory.random) { history in
            let suffix = history.events[(history.events.count / 2)...]
            var model = FunnelModel()
            for event in suffix { model.apply(event) }
            let report = model.report(in: ReportContext(asOf: Self.asOf, position: UInt64(history.events.count)))
            let captured = suffix.count { if case .lead(.captured) = $0.event { true } else { false } }
            let launched = suffix.count { if case .campaign(.launched) = $0.event { true } else { false } }
            #expect(report.leads.count == captured)
            #expect(report.campaigns.count == launched)
        }
    }
}
