/// An event payload that holds personal data of its record's person (a contact or a lead): the fields the event
/// schemas in `schemas/events/` mark `"x-personal": true`.
///
/// The log never holds these values in clear: the engine writes the payload with them left out (``sealed()``)
/// and keeps their binary form encrypted under the person's own key beside it. Reading puts them back
/// (``unsealed(_:)``), or, once the person was forgotten and the key destroyed, marks them erased
/// (``erasedCopy()``): `null` in JSON, with the names of the erased fields under `erased`.
public protocol PersonalData: EventPayload {
    /// The personal fields' JSON names, in the order of ``personalValues``.
    static var personalFields: [String] { get }

    /// The personal fields' values, in the order of ``personalFields``; a missing value is `nil`.
    var personalValues: [String?] { get }

    /// Whether the personal fields were erased: the person was forgotten and their values cannot be read.
    var erased: Bool { get set }

    /// The payload with other personal values: `nil` leaves an optional field out, and a required one empty.
    ///
    /// - Parameter values: The values, in the order of ``personalFields``.
    /// - Returns: The payload with them.
    func replacingPersonalValues(_ values: [String?]) -> Self
}

extension PersonalData {
    /// Whether any personal field has a value.
    public var holdsPersonalValues: Bool {
        personalValues.contains { $0.map { !$0.isEmpty } ?? false }
    }

    /// The payload with its personal fields left out, and their values in binary form, to be encrypted.
    ///
    /// - Returns: The payload without personal values, and the values' bytes.
    public func sealed() -> (payload: Self, personal: [UInt8]) {
        var writer = ByteWriter()
        let values = personalValues
        values.write(to: &writer)
        return (replacingPersonalValues(Array(repeating: nil, count: values.count)), writer.bytes)
    }

    /// The payload with the personal values a ``sealed()`` payload left out put back.
    ///
    /// - Parameter personal: The values' bytes, decrypted.
    /// - Returns: The whole payload.
    /// - Throws: ``BinaryFormatError`` when the bytes do not hold one value per personal field.
    public func unsealed(_ personal: UnsafeRawBufferPointer) throws(BinaryFormatError) -> Self {
        var reader = ByteReader(personal, sharesStrings: false)
        let values: [String?] = try reader.read()
        guard values.count == Self.personalFields.count else {
            throw BinaryFormatError(
                "\(Self.eventType) has \(Self.personalFields.count) personal fields, the sealed data \(values.count)"
            )
        }
        guard reader.isAtEnd else {
            throw BinaryFormatError("\(Self.eventType) sealed data has bytes after its last field")
        }
        return replacingPersonalValues(values)
    }

    /// The payload with every personal field erased.
    ///
    /// - Returns: The payload without personal values, marked erased.
    public func erasedCopy() -> Self {
        var copy = replacingPersonalValues(Array(repeating: nil, count: Self.personalFields.count))
        copy.erased = true
        return copy
    }

    /// Writes the JSON form of the personal fields: each present value, or, once erased, each field `null` and
    /// their names under `erased`. A payload's `encode(to:)` writes its other fields and calls this.
    ///
    /// - Parameter encoder: The encoder of the payload's JSON object.
    /// - Throws: What the encoder throws.
    func encodePersonalFields(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        guard erased else {
            for (field, value) in zip(Self.personalFields, personalValues) {
                try container.encodeIfPresent(value, forKey: AnyCodingKey(stringValue: field))
            }
            return
        }
        for field in Self.personalFields {
            try container.encodeNil(forKey: AnyCodingKey(stringValue: field))
        }
        try container.encode(Self.personalFields, forKey: AnyCodingKey(stringValue: "erased"))
    }
}

extension JSONObjectWriter {
    /// Writes the personal members of a person's payload (a contact's or a lead's), as `encodePersonalFields`
    /// writes them: `email`, `erased` (its list, once erased), `firstName`, `lastName` and `phone`, in sorted order,
    /// each value when present or `null` once erased.
    ///
    /// - Parameters:
    ///   - payload: The payload, which says whether its personal fields were erased.
    ///   - firstName: The given name, if any.
    ///   - lastName: The family name, if any.
    ///   - email: The email address, if any.
    ///   - phone: The phone number, if any.
    mutating func personFields(
        of payload: some PersonalData,
        firstName: String?,
        lastName: String?,
        email: String?,
        phone: String?
    ) {
        personalField("email", email, erased: payload.erased)
        if payload.erased {
            member("erased", type(of: payload).personalFields)
        }
        personalField("firstName", firstName, erased: payload.erased)
        personalField("lastName", lastName, erased: payload.erased)
        personalField("phone", phone, erased: payload.erased)
    }

    private mutating func personalField(_ key: StaticString, _ value: String?, erased: Bool) {
        if erased {
            null(key)
        } else {
            memberIfPresent(key, value)
        }
    }
}
