/// Writes one JSON object's members straight to bytes: the writer of each payload's hand-written JSON form
/// (``EventPayload/appendJSON(to:)``), the way ``ByteWriter`` is the writer of its binary form, and of the
/// CloudEvents envelope and the `jsonl` export line around it.
///
/// A payload names its members in sorted key order (by UTF-8 bytes: upper case before lower case), so the object
/// needs no sorting and its bytes are those `JSONEncoder` with `.sortedKeys` writes for the payload's `Encodable`
/// form. Serving a stream writes one payload per event, and going through `Encodable` took most of that time.
public struct JSONObjectWriter: Sendable {
    private var bytes: [UInt8]
    private var hasMembers = false

    private init() {
        bytes = []
    }

    /// Appends one JSON object.
    ///
    /// - Parameters:
    ///   - bytes: Where to write.
    ///   - members: Writes the object's members, in sorted key order.
    package static func appendObject(to bytes: inout [UInt8], _ members: (inout JSONObjectWriter) -> Void) {
        var writer = JSONObjectWriter()
        swap(&writer.bytes, &bytes)
        writer.bytes.append(UInt8(ascii: "{"))
        members(&writer)
        writer.bytes.append(UInt8(ascii: "}"))
        swap(&writer.bytes, &bytes)
    }

    /// Appends a payload's JSON object.
    ///
    /// - Parameters:
    ///   - payload: The payload.
    ///   - bytes: Where to write.
    static func append(_ payload: some EventPayload, to bytes: inout [UInt8]) {
        appendObject(to: &bytes) { payload.appendJSON(to: &$0) }
    }

    /// Writes a member.
    ///
    /// - Parameters:
    ///   - key: The key, after the previous member's.
    ///   - value: The value.
    package mutating func member(_ key: StaticString, _ value: some JSONDirectValue) {
        appendKey(key)
        value.appendJSON(to: &bytes)
    }

    /// Writes a member when its value is present, and nothing otherwise (as `encodeIfPresent` does).
    ///
    /// - Parameters:
    ///   - key: The key, after the previous member's.
    ///   - value: The value, if any.
    mutating func memberIfPresent(_ key: StaticString, _ value: (some JSONDirectValue)?) {
        guard let value else { return }
        member(key, value)
    }

    /// Writes a member whose value is an array.
    ///
    /// - Parameters:
    ///   - key: The key, after the previous member's.
    ///   - values: The array's elements.
    package mutating func member(_ key: StaticString, _ values: [some JSONDirectValue]) {
        appendKey(key)
        Self.appendArray(values, to: &bytes)
    }

    /// Appends a JSON array of values.
    ///
    /// - Parameters:
    ///   - values: The array's elements.
    ///   - bytes: Where to write.
    package static func appendArray(_ values: [some JSONDirectValue], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            value.appendJSON(to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a member whose value is written by `value`: a value made of parts, such as a nested object.
    ///
    /// - Parameters:
    ///   - key: The key, after the previous member's.
    ///   - value: Appends the value's JSON text.
    mutating func member(_ key: StaticString, writing value: (inout [UInt8]) -> Void) {
        appendKey(key)
        value(&bytes)
    }

    /// Writes a member whose value is `null`.
    ///
    /// - Parameter key: The key, after the previous member's.
    mutating func null(_ key: StaticString) {
        appendKey(key)
        bytes += "null".utf8
    }

    private mutating func appendKey(_ key: StaticString) {
        if hasMembers { bytes.append(UInt8(ascii: ",")) }
        hasMembers = true
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }
}
