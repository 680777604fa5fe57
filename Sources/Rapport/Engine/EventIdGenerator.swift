import Foundation
import RapportTime

/// Makes event ids: version 7 UUIDs (RFC 9562), whose first 48 bits are the Unix time in milliseconds, so ids
/// sort roughly by creation and neighbouring ids share bytes the log's compression can use.
///
/// The 74 random bits come from xoshiro256**, seeded once from the system's generator, because asking the
/// kernel for randomness per event costs a system call on a path that runs at hundreds of thousands of events
/// per second. The generator is written here since no package in use offers a seedable fast one.
struct EventIdGenerator: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator seeded from the system's random source.
    init() {
        var system = SystemRandomNumberGenerator()
        state = (system.next(), system.next(), system.next(), system.next())
        if state == (0, 0, 0, 0) { state.0 = 1 }
    }

    /// The next id, stamped with a time.
    ///
    /// - Parameter time: The time whose milliseconds lead the id.
    /// - Returns: The id.
    mutating func next(at time: Timestamp) -> UUID {
        let milliseconds = UInt64(max(0, time.microsecondsSinceEpoch / 1_000))
        let high = nextRandom()
        let low = nextRandom()
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

    private mutating func nextRandom() -> UInt64 {
        let result = (state.1 &* 5).rotatedLeft(by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = state.3.rotatedLeft(by: 45)
        return result
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
