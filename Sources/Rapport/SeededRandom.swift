/// A fast generator that a seed determines: SplitMix64. The demo seeds it to write the same history on any
/// machine; the engine seeds it once from the system to draw event ids without a system call per event.
///
/// Written here because the standard library's generator cannot be seeded and no package in use offers one.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for one part of a whole: the seed mixed with the part's number, so parts (the demo's
    /// accounts) can be generated independently and in any order.
    ///
    /// - Parameters:
    ///   - seed: The seed.
    ///   - stream: The part's number (an account's index, say).
    init(seed: UInt64, stream: UInt64) {
        state = seed &+ (stream &+ 1) &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Whether an event with probability `chance` (0 to 1) happens.
    mutating func chance(_ chance: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < chance
    }

    /// A whole number in a range.
    mutating func number(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// One of some values.
    mutating func pick<Value>(_ values: [Value]) -> Value {
        values[Int.random(in: 0..<values.count, using: &self)]
    }
}
