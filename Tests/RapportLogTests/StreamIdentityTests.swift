import RapportLog
import RapportTestSupport
import Testing

/// Stream ids are opaque names compared byte for byte, not by Unicode canonical equivalence.
struct StreamIdentityTests {
    @Test func canonicallyEquivalentIdsWithDifferentBytesAreDifferentStreams() async throws {
        let composed = "account-\u{E9}"
        let decomposed = "account-e\u{301}"
        #expect(composed == decomposed)
        try await withTemporaryDirectory { directory in
            let log = try EventLog.open(directory: directory)
            _ = try await log.append([
                ProposedRecord(streamId: composed, type: "Opened", expectedVersion: .noStream, payload: [1]),
                ProposedRecord(streamId: decomposed, type: "Opened", expectedVersion: .noStream, payload: [2]),
            ])
            #expect(log.streamCount == 2)
            #expect(log.version(of: composed) == 1)
            #expect(log.version(of: decomposed) == 1)
            await log.close()

            let reopened = try EventLog.open(directory: directory)
            #expect(try reopened.readStream(composed).map(\.payload) == [[1]])
            #expect(try reopened.readStream(decomposed).map(\.payload) == [[2]])
            #expect(try reopened.readStream(decomposed).map { Array($0.streamId.utf8) } == [Array(decomposed.utf8)])
            #expect(try LogVerifier(directory: directory).verify().isIntact)
            await reopened.close()
        }
    }
}
