public import Foundation
public import RapportLog

/// The records every benchmark writes, built from the record's number alone so that tools/compare-sqlite can
/// build the very same rows in SQLite.
///
/// Record `i` belongs to stream `account-<i mod 1000>`, has type `AccountOpened` when `i` is a multiple of 3 and
/// `AccountUpdated` otherwise, metadata `{"actor":"user-<i mod 17>"}`, a JSON payload of about 100 bytes, and an
/// id made of two SplitMix64 outputs, so ids look random but repeat from run to run.
public enum BenchmarkRecords {
    /// The number of distinct streams.
    public static let streamCount = 1000

    private static let stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "ClosedWon"]

    /// The `index`th record.
    ///
    /// - Parameter index: The record's number, from 0.
    /// - Returns: The record, without an expected-version check.
    public static func record(_ index: Int) -> ProposedRecord {
        let payload =
            #"{"name":"Account \#(index)","owner":"user-\#(index % 17)","amount":\#(index * 37 % 100_000),"#
            + #""stage":"\#(stages[index % stages.count])","region":"region-\#(index % 7)"}"#
        return ProposedRecord(
            id: id(index),
            streamId: "account-\(index % streamCount)",
            type: index % 3 == 0 ? "AccountOpened" : "AccountUpdated",
            metadata: Array(#"{"actor":"user-\#(index % 17)"}"#.utf8),
            payload: Array(payload.utf8)
        )
    }

    /// The records `range`, cut into appends of `recordsPerAppend` records (the last one may be shorter).
    ///
    /// - Parameters:
    ///   - range: The record numbers.
    ///   - recordsPerAppend: The records in one append.
    /// - Returns: The appends, in order.
    public static func appends(_ range: Range<Int>, recordsPerAppend: Int) -> [[ProposedRecord]] {
        stride(from: range.lowerBound, to: range.upperBound, by: recordsPerAppend).map { start in
            (start..<min(start + recordsPerAppend, range.upperBound)).map(record)
        }
    }

    /// The id of the `index`th record: SplitMix64 of `2 * index`, then of `2 * index + 1`, big-endian.
    ///
    /// - Parameter index: The record's number.
    /// - Returns: The id.
    public static func id(_ index: Int) -> UUID {
        let high = splitMix64(UInt64(index) &* 2)
        let low = splitMix64(UInt64(index) &* 2 &+ 1)
        var bytes: (UInt64, UInt64) = (high.bigEndian, low.bigEndian)
        return withUnsafeBytes(of: &bytes) { raw in
            UUID(uuid: raw.load(as: uuid_t.self))
        }
    }

    private static func splitMix64(_ seed: UInt64) -> UInt64 {
        var value = seed &+ 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
