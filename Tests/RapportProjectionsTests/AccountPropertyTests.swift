import Foundation
import PropertyBased
import RapportCRM
import RapportProjections
import RapportTime
import Testing

struct AccountPropertyTests {
    static let moments = ["2024-06-01T00:00:00Z", "2025-03-15T12:00:00Z", "2026-01-01T00:00:00Z"]

    @Test func totalsAgreeWithANaiveComputationFromTheRawEvents() async throws {
        await propertyCheck(count: 25, input: RecordedHistory.random) { history in
            let model = history.fold(into: AccountsModel.self)
            for moment in Self.moments {
                let asOf = AccountFixtures.time(moment)
                let expected = AccountNaiveTotals.totals(of: history.events, asOf: asOf)
                #expect(!expected.isEmpty)
                for (id, totals) in expected {
                    let report = model.report(for: id, in: ReportContext(asOf: asOf, position: 0))
                    #expect(report.map { AccountNaiveTotals.Figures($0.totals) } == totals, "\(id) as of \(moment)")
                }
            }
        }
    }

    @Test func theBinaryFormReadsBackEqual() async throws {
        await propertyCheck(count: 25, input: RecordedHistory.random) { history in
            let model = history.fold(into: AccountsModel.self)
            let bytes = Self.bytes(of: model)
            let read = try Self.read(bytes)
            #expect(read == model)
            #expect(Self.bytes(of: read).count == bytes.count)
            let context = AccountFixtures.context("2025-03-15T12:00:00Z")
            #expect(
                read.report(for: AccountFixtures.id("A0"), in: context)
                    == model.report(for: AccountFixtures.id("A0"), in: context)
            )
        }
    }

    @Test func damagedBytesAreRefused() async throws {
        await propertyCheck(count: 10, input: RecordedHistory.random) { history in
            let bytes = Self.bytes(of: history.fold(into: AccountsModel.self))
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
                #expect(throws: BinaryFormatError.self) { try Self.read(Array(bytes[..<cut])) }
            }
        }
        #expect(throws: BinaryFormatError.self) {
            try Self.read([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        }
        // One text, "x", then no campaigns, then one account whose type is text number 7.
        var record = AccountFixtures.storedAccountFields(named: "Acme")
        record.writeVarint(7)
        var writer = ByteWriter()
        writer.writeVarint(1)
        writer.writeString("x")
        writer.writeVarint(0)
        writer.writeVarint(1)
        writer.writeString("A1")
        writer.writeBytes(record.bytes)
        #expect(throws: BinaryFormatError.self) { try Self.read(writer.bytes) }
    }

    @Test func foldingPartOfAHistoryNeverTraps() async throws {
        await propertyCheck(count: 20, input: RecordedHistory.random) { history in
            let events = history.events
            let cut = events.count / 3
            let window = TimeWindow(asOf: AccountFixtures.time("2025-01-01T00:00:00Z"))
            for part in [
                Array(events.dropFirst(cut)), Array(events.dropFirst(2 * cut)), events.filter(window.includes),
            ] {
                var model = AccountsModel()
                for event in part { model.apply(event) }
                let context = AccountFixtures.context("2025-06-01T00:00:00Z")
                for event in events where event.stream.kind == .account {
                    if let report = model.report(for: event.stream.id, in: context) {
                        _ = try JSONEncoder().encode(report)
                        _ = report.tables
                    }
                }
                #expect(try Self.read(Self.bytes(of: model)) == model)
            }
        }
    }

    static func bytes(of model: AccountsModel) -> [UInt8] {
        var writer = ByteWriter()
        model.write(to: &writer)
        return writer.bytes
    }

    static func read(_ bytes: [UInt8]) throws -> AccountsModel {
        try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return try AccountsModel.read(from: &reader)
        }
    }
}
