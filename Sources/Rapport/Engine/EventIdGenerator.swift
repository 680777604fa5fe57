import Foundation
import RapportTime

/// Makes event ids: version 7 UUIDs (RFC 9562), whose first 48 bits are the Unix time in milliseconds, so ids
/// sort roughly by creation and neighbouring ids share bytes the log's compression can use.
///
/// The 74 random bits come from a ``SeededRandom`` seeded once from the system's generator, because asking the
/// kernel for randomness per event costs a system call on a path that runs at hundreds of thousands of events
/// per second.
struct EventIdGenerator: Sendable {
    private var random: SeededRandom

    /// A generator seeded from the system's random source.
    init() {
        var system = SystemRandomNumberGenerator()
        random = SeededRandom(seed: system.next(), stream: system.next())
    }

    /// The next id, stamped with a time.
    ///
    /// - Parameter time: The time whose milliseconds lead the id.
    /// - Returns: The id.
    mutating func next(at time: Timestamp) -> UUID {
        let milliseconds = UInt64(max(0, time.microsecondsSinceEpoch / 1_000))
        let high = random.next()
        let low = random.next()
        // 48 bits of time, the version nibble 7, 12 random bits; the variant bits 10, 62 random bits.
        let upper = (milliseconds << 16) | 0x7000 | (high & 0x0FFF)
        let lower = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { bytes in
            bytes.storeBytes(of: upper.bigEndian, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: lower.bigEndian, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: uuid)
    }
}
