public import RapportLog

/// Builds proposed records with readable, varied payloads for tests and benchmarks.
public struct RecordFactory: Sendable {
    /// How many distinct streams records are spread over.
    public var streamCount: Int

    /// Creates a factory.
    ///
    /// - Parameter streamCount: How many distinct streams records are spread over.
    public init(streamCount: Int = 100) {
        self.streamCount = streamCount
    }

    /// The `index`th record: stream `account-<index % streamCount>`, a payload of about 100 bytes.
    ///
    /// - Parameters:
    ///   - index: The record's number, which also shapes its payload.
    ///   - expectedVersion: The expected version to carry.
    /// - Returns: The record.
    public func record(_ index: Int, expectedVersion: ExpectedVersion = .any) -> ProposedRecord {
        let stream = "account-\(index % streamCount)"
        let payload =
            #"{"name":"Account \#(index)","owner":"user-\#(index % 17)","amount":\#(index * 37 % 100_000),"stage":"Prospecting"}"#
        return ProposedRecord(
            streamId: stream,
            type: index % 3 == 0 ? "AccountOpened" : "AccountUpdated",
            expectedVersion: expectedVersion,
            metadata: Array(#"{"actor":"user-\#(index % 17)"}"#.utf8),
            payload: Array(payload.utf8)
        )
    }
}
