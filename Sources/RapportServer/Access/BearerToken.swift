/// The token of an `Authorization: Bearer <token>` header (RFC 6750): the scheme's name in any case, then the
/// token after one or more spaces, without the spaces or tabs around it.
///
/// Every request but `/health` presents one, so the value is read as UTF-8 bytes rather than split and trimmed with
/// Foundation's string methods.
enum BearerToken {
    /// The token in an `Authorization` header's value.
    ///
    /// - Parameter value: The header's value.
    /// - Returns: The token, or `nil` when the scheme is not `Bearer` or no token follows it.
    static func parse(_ value: String) -> String? {
        let bytes = value.utf8
        guard bytes.count > scheme.count,
            zip(bytes, scheme).allSatisfy({ $0 | 0x20 == $1 }),
            bytes[bytes.index(bytes.startIndex, offsetBy: scheme.count)] == space
        else { return nil }
        let rest = bytes.dropFirst(scheme.count)
        guard let start = rest.firstIndex(where: { !isBlank($0) }),
            let last = rest.lastIndex(where: { !isBlank($0) })
        else { return nil }
        return String(decoding: rest[start...last], as: UTF8.self)
    }

    /// `bearer` in lower case; a header byte ORed with 0x20 is its letter in lower case.
    private static let scheme = Array("bearer".utf8)
    private static let space = UInt8(ascii: " ")

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == UInt8(ascii: "\t")
    }
}
