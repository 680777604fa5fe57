import Foundation
import PropertyBased
import RapportLog
import RapportTime
import Testing

/// Random proposed records and append sequences for the property tests.
enum RecordGenerators {
    /// Characters of one to four UTF-8 bytes. There are no combining marks: two names made of these are equal
    /// as strings exactly when their bytes are equal.
    static let nameCharacters: [Character] = [
        "a", "k", "z", "Q", "0", "7", "-", "_", ".", ":", " ",
        "é", "ß", "Ω", "ж", "€", "日", "本", "😀", "𝄞",
    ]

    /// A stream id or type of 1 to 40 characters.
    static let name = Gen<Character?>.element(of: nameCharacters).map { $0! }.string(of: 1...40)

    /// Metadata or payload bytes: mostly small, sometimes empty, sometimes tens of kilobytes; half of them
    /// repetitive (so LZ4 shrinks them) and half random (so the batch is stored uncompressed).
    static let bytes = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in
        let count =
            switch Int.random(in: 0..<40, using: &rng) {
            case 0..<4: 0
            case 4: Int.random(in: 20_000...90_000, using: &rng)
            default: Int.random(in: 1...300, using: &rng)
            }
        return randomBytes(count: count, repetitive: Bool.random(using: &rng), using: &rng)
    }

    /// A business time between 1900 and 2100, or none.
    static let occurredAt = Gen<Int64>.int64(in: -2_208_988_800_000_000...4_102_444_800_000_000)
        .map { Timestamp(microsecondsSinceEpoch: $0) }
        .optional(valueRate: 0.5)

    /// A record id drawn from the generator's random source, so a seed reproduces it.
    static let id = zip(Gen<UInt64>.uint64(), Gen<UInt64>.uint64()).map { high, low in
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { raw in
            raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: low, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: uuid)
    }

    /// A record in one of the given streams.
    ///
    /// - Parameter streams: The stream ids to choose from.
    /// - Returns: The generator.
    static func record(in streams: [String]) -> Generator<ProposedRecord, some SendableSequenceType> {
        zip(Gen<String?>.element(of: streams), name, occurredAt, bytes, bytes, id).map {
            stream,
            type,
            occurredAt,
            metadata,
            payload,
            id in
            ProposedRecord(
                id: id,
                streamId: stream!,
                type: type,
                occurredAt: occurredAt,
                metadata: metadata,
                payload: payload
            )
        }
    }

    /// A sequence of appends over a few streams, with a small segment size so that segments roll, and a
    /// durability mode.
    static let scenario = Generator<AppendScenario, Shrink.None<AppendScenario>> { rng in
        let streams = name.array(of: 1...6).run(using: &rng)
        let records = record(in: streams)
        let appendCount = Int.random(in: 1...12, using: &rng)
        let appends = (0..<appendCount).map { _ in records.array(of: 1...8).run(using: &rng) }
        let durability: Durability =
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: .fsync
            case 1: .batched(milliseconds: 2)
            default: .none
            }
        var options = LogOptions(durability: durability, segmentSize: Int.random(in: 1024...16_384, using: &rng))
        options.batchSize = Int.random(in: 512...(64 << 10), using: &rng)
        options.indexInterval = Int.random(in: 0...4096, using: &rng)
        return AppendScenario(appends: appends, options: options)
    }

    /// `count` bytes, either a short pattern repeated or uniformly random.
    static func randomBytes(
        count: Int,
        repetitive: Bool,
        using rng: inout any SeededRandomNumberGenerator
    ) -> [UInt8] {
        if repetitive {
            let pattern = (0..<Int.random(in: 1...16, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            return (0..<count).map { pattern[$0 % pattern.count] }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            withUnsafeBytes(of: rng.next()) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }
}

/// Appends to make, one after the other, and the options to open the log with.
struct AppendScenario: Sendable, CustomTestStringConvertible {
    /// The records of each append.
    var appends: [[ProposedRecord]]
    /// The log's options.
    var options: LogOptions

    /// A short summary; the full records would bury the failure message.
    var testDescription: String {
        "\(appends.count) appends of \(appends.map(\.count)) records, segment size \(options.segmentSize), "
            + "batch size \(options.batchSize), index interval \(options.indexInterval), \(options.durability)"
    }
}
