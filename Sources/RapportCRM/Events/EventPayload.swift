/// The data of one type of event, such as ``OpportunityOpened``: Codable for its JSON form (the `data` of a
/// CloudEvent), with a hand-written compact binary form for the log and a hand-written writer of its JSON form for
/// event streams and exports.
///
/// Optional stored properties of payloads are spelled `Optional<Wrapped>` rather than `Wrapped?`: the short form
/// gives a stored `var` an implicit `nil` default, and with one the compiler copies the whole value out of every
/// explicit initializer (each field retained, then released): 15% of the work of decoding an event.
public protocol EventPayload: Codable, Sendable, Hashable {
    /// The event type's name, unique across the domain, e.g. `OpportunityOpened`.
    static var eventType: String { get }
    /// The schema version written now; older versions stay readable through ``init(from:schemaVersion:)``.
    static var schemaVersion: Int { get }

    /// Appends the binary form of the current schema version.
    ///
    /// - Parameter writer: The writer.
    func encode(to writer: inout ByteWriter)

    /// Reads the binary form of any schema version this type has had, upcasting older ones.
    ///
    /// - Parameters:
    ///   - reader: The reader.
    ///   - schemaVersion: The version the event was written with.
    /// - Throws: ``BinaryFormatError`` when the bytes do not hold the event or the version is unknown.
    init(from reader: inout ByteReader, schemaVersion: Int) throws(BinaryFormatError)

    /// Writes the members of the JSON form, in sorted key order: the same bytes as the `Encodable` form written with
    /// sorted keys.
    ///
    /// - Parameter object: The writer of the payload's JSON object.
    func appendJSON(to object: inout JSONObjectWriter)
}

extension EventPayload {
    /// Version 1, until a type changes.
    public static var schemaVersion: Int { 1 }

    /// Refuses a schema version the type never had.
    ///
    /// - Parameter version: The version read.
    /// - Throws: ``BinaryFormatError`` unless the version is between 1 and the current one.
    public static func checkSchemaVersion(_ version: Int) throws(BinaryFormatError) {
        guard (1...schemaVersion).contains(version) else {
            throw BinaryFormatError("\(eventType) has no schema version \(version)")
        }
    }
}
