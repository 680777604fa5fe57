import RapportCRM
import Testing

@testable import RapportProjections

/// The funnel's binary form: it reads back what it wrote, and damaged bytes throw instead of giving a wrong
/// funnel.
struct FunnelBinaryTests {
    @Test func readsBackTheHandMadeFunnel() throws {
        let model = try FunnelModelTests.history().fold(into: FunnelModel.self)
        #expect(try Self.read(Self.bytes(of: model)) == model)
    }

    @Test func everyCutShortFormThrows() throws {
        let bytes = Self.bytes(of: try FunnelModelTests.history().fold(into: FunnelModel.self))
        for length in 0..<bytes.count {
            #expect(throws: BinaryFormatError.self) { try Self.read(Array(bytes[..<length])) }
        }
    }

    @Test func aLeadStatusOutsideTheTextPoolThrows() throws {
        var model = FunnelModel()
        model.leads[RecordId(unchecked: "L1")] = LeadRecord(source: TextPool.none, status: 4, campaign: -1)
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: model)) }
    }

    @Test func anOpportunityOfAnUnknownCampaignThrows() throws {
        var model = FunnelModel()
        model.opportunities[RecordId(unchecked: "O1")] = InfluencedOpportunity(campaign: 2, amount: .zero)
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: model)) }
    }

    @Test func aCampaignStoredTwiceThrows() throws {
        var model = FunnelModel()
        let campaign = CampaignRecord(id: RecordId(unchecked: "C1"), name: "Webinar", type: TextPool.none)
        model.campaigns = [campaign, campaign]
        #expect(throws: BinaryFormatError.self) { try Self.read(Self.bytes(of: model)) }
    }

    private static func bytes(of model: FunnelModel) -> [UInt8] {
        var writer = ByteWriter()
        model.write(to: &writer)
        return writer.bytes
    }

    private static func read(_ bytes: [UInt8]) throws -> FunnelModel {
        try bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try FunnelModel.read(from: &reader)
        }
    }
}
