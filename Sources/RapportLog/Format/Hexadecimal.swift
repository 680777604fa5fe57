/// Bytes written as lowercase hexadecimal digits, two per byte: the form of every hash Rapport shows or stores
/// as text (chain hashes, token hashes, checkpoint checksums).
public enum Hexadecimal {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The bytes as lowercase hexadecimal digits.
    ///
    /// - Parameter bytes: The bytes.
    /// - Returns: Two digits per byte, most significant first.
    public static func lowercase<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
