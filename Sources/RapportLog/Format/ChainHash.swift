import Crypto

/// A SHA-256 value in one of the log's two hash chains (batch to batch, and segment to segment).
public struct ChainHash: Hashable, Sendable, CustomStringConvertible {
    /// The number of bytes in a hash.
    public static let byteCount = 32

    /// The hash that stands before the first batch and the first segment: 32 zero bytes.
    public static let zero = ChainHash(words: (0, 0, 0, 0))

    private var words: (UInt64, UInt64, UInt64, UInt64)

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Reads a hash from exactly 32 bytes.
    ///
    /// - Parameter bytes: The 32 bytes of the hash.
    init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == Self.byteCount, "a chain hash is 32 bytes")
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        self.words = words
    }

    /// Takes the value of a finished SHA-256 computation.
    ///
    /// - Parameter digest: The digest.
    init(_ digest: SHA256.Digest) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        digest.withUnsafeBytes { source in
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: source) }
        }
        self.words = words
    }

    /// Parses 64 lowercase or uppercase hexadecimal digits.
    ///
    /// - Parameter hex: The hexadecimal text.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == Self.byteCount * 2 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Self.byteCount)
        for index in 0..<Self.byteCount {
            guard let high = Self.nibble(digits[index * 2]), let low = Self.nibble(digits[index * 2 + 1]) else {
                return nil
            }
            bytes[index] = high << 4 | low
        }
        self = bytes.withUnsafeBytes { ChainHash(bytes: $0) }
    }

    /// The hash's bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: words) { Array($0) }
    }

    /// The hash as 64 lowercase hexadecimal digits.
    public var hex: String {
        Hexadecimal.lowercase(bytes)
    }

    /// The hexadecimal form.
    public var description: String { hex }

    /// Appends the 32 bytes to a buffer.
    func write(to buffer: inout [UInt8]) {
        withUnsafeBytes(of: words) { buffer.append(contentsOf: $0) }
    }

    public static func == (lhs: ChainHash, rhs: ChainHash) -> Bool {
        lhs.words == rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
