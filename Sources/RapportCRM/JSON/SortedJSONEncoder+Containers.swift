/// The members of an object being encoded.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// The encoder whose value is the object.
    let encoder: JSONValueEncoder
    /// The object.
    let object: JSONObjectNode

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { add(key, encoder.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw encoder.refusal(of: value, at: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw encoder.refusal(of: value, at: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, encoder.scalar(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, encoder.scalar(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let node = try encoder.node(for: value, at: key) { add(key, node) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.child(at: key)
        let container = nested.container(keyedBy: keyType)
        add(key, nested.value!)
        return container
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = encoder.child(at: key)
        let container = nested.unkeyedContainer()
        add(key, nested.value!)
        return container
    }

    mutating func superEncoder() -> any Encoder {
        let nested = encoder.child(at: JSONPathKey.super)
        object.members.append((JSONPathKey.super.stringValue, .deferred(nested)))
        return nested
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = encoder.child(at: key)
        add(key, .deferred(nested))
        return nested
    }

    private func add(_ key: Key, _ node: JSONNode) {
        object.members.append((key.stringValue, node))
    }
}

/// The elements of an array being encoded.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    /// The encoder whose value is the array.
    let encoder: JSONValueEncoder
    /// The array.
    let array: JSONArrayNode

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.elements.count }

    mutating func encodeNil() throws { array.elements.append(encoder.null) }
    mutating func encode(_ value: Bool) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: String) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: Double) throws { throw encoder.refusal(of: value, at: JSONPathKey.index(count)) }
    mutating func encode(_ value: Float) throws { throw encoder.refusal(of: value, at: JSONPathKey.index(count)) }
    mutating func encode(_ value: Int) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: Int8) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: Int16) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: Int32) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: Int64) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: UInt) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: UInt8) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: UInt16) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: UInt32) throws { array.elements.append(encoder.scalar(value)) }
    mutating func encode(_ value: UInt64) throws { array.elements.append(encoder.scalar(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        if let node = try encoder.node(for: value, at: JSONPathKey.index(count)) { array.elements.append(node) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.child(at: JSONPathKey.index(count))
        let container = nested.container(keyedBy: keyType)
        array.elements.append(nested.value!)
        return container
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = encoder.child(at: JSONPathKey.index(count))
        let container = nested.unkeyedContainer()
        array.elements.append(nested.value!)
        return container
    }

    mutating func superEncoder() -> any Encoder {
        let nested = encoder.child(at: JSONPathKey.index(count))
        array.elements.append(.deferred(nested))
        return nested
    }
}

/// The one value of an encoder.
struct JSONSingleValueContainer: SingleValueEncodingContainer {
    /// The encoder.
    let encoder: JSONValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.value = encoder.null }
    mutating func encode(_ value: Bool) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: String) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: Double) throws { throw encoder.refusal(of: value, at: nil) }
    mutating func encode(_ value: Float) throws { throw encoder.refusal(of: value, at: nil) }
    mutating func encode(_ value: Int) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: Int8) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: Int16) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: Int32) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: Int64) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: UInt) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: UInt8) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: UInt16) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: UInt32) throws { encoder.value = encoder.scalar(value) }
    mutating func encode(_ value: UInt64) throws { encoder.value = encoder.scalar(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.value = try encoder.node(for: value, at: nil)
    }
}
