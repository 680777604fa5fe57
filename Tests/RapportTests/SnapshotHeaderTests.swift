import Foundation
import RapportCRM
import RapportTime
import Testing

@testable import Rapport

/// A snapshot's header reads back as written, and damage to it is an error naming what is wrong.
struct SnapshotHeaderTests {
    static let header = SnapshotHeader(
        createdAt: Timestamp(microsecondsSinceEpoch: 1_780_000_000_000_000),
        models: FoldProgress(
            position: 68,
            lastRecordedAt: Timestamp(microsecondsSinceEpoch: 1_780_000_000_000_001),
            latestOccurredAt: Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000)
        ),
        modelsLastEventId: UUID(),
        decisionsPosition: 70,
        decisionsLastEventId: nil,
        modelVersions: ["accounts": 1, "pipeline": 2],
        sections: [SnapshotHeader.Section(name: "models", length: 12, checksum: 0xDEAD_BEEF)]
    )

    @Test func aHeaderReadsBackAsWritten() throws {
        var writer = ByteWriter()
        Self.header.write(to: &writer)
        let read = try writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            let header = try SnapshotHeader.read(from: &reader)
            #expect(reader.isAtEnd)
            return header
        }
        #expect(read == Self.header)
        #expect(read.position == 70)
    }
}
