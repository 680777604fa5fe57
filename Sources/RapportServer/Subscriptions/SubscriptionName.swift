import HTTPTypes

/// The name of a durable subscription: 1 to 64 letters, digits, `.`, `_` or `-`, so that it is also a safe file
/// name.
struct SubscriptionName: Sendable, Hashable, CustomStringConvertible {
    /// The name.
    let description: String

    /// The longest name allowed.
    static let maximumLength = 64

    /// Checks a name.
    ///
    /// - Parameter text: The name, from the request path.
    /// - Throws: ``Problem`` 400 `invalid_subscription_name` naming the field `name`.
    init(_ text: String) throws {
        guard (1...Self.maximumLength).contains(text.utf8.count), text.utf8.allSatisfy(Self.isAllowed) else {
            throw Problem(
                .badRequest,
                code: "invalid_subscription_name",
                "a subscription name is 1 to \(Self.maximumLength) letters (a-z, A-Z), digits, '.', '_' or '-'",
                field: "name"
            )
        }
        self.description = text
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
