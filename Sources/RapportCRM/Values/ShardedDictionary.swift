/// A key that tells which part of a ``ShardedDictionary`` holds it, by a hash of its own that is cheap and the same
/// in every process.
public protocol ShardKey: Hashable {
    /// A hash of the key whose low bits spread keys evenly.
    var shardHash: Int { get }
}

/// A dictionary kept in parts, each key in the part its ``ShardKey/shardHash`` names, so that growing rehashes one
/// part at a time, never the whole.
///
/// A Swift dictionary grows by doubling and rehashing every entry at once. The decision state's dictionaries grow
/// with every new record, and they are changed while the engine holds the state for a command: at a few hundred
/// thousand records one such rehash held every command in flight for tens of milliseconds. In parts, a growth moves
/// a sixty-fourth of the entries. Neither the standard library nor the collections package has a hashed dictionary
/// that grows in steps, so the project keeps this one; each part is a standard dictionary.
///
/// Iteration visits the parts in order and each part in its own order; the binary form is the one a dictionary has
/// (the count, then each key and value), so either reads the other's.
public struct ShardedDictionary<Key: ShardKey, Value> {
    @usableFromInline
    static var partCount: Int { 64 }

    @usableFromInline
    var parts: [[Key: Value]]

    /// An empty dictionary.
    public init() {
        parts = Array(repeating: [:], count: Self.partCount)
    }

    /// An empty dictionary with room for about this many entries before any part grows.
    ///
    /// - Parameter minimumCapacity: The entries expected.
    @inlinable
    public init(minimumCapacity: Int) {
        let perPart = minimumCapacity / Self.partCount + 1
        parts = (0..<Self.partCount).map { _ in [Key: Value](minimumCapacity: perPart) }
    }

    @inlinable @inline(__always)
    static func part(of key: Key) -> Int {
        key.shardHash & (partCount - 1)
    }

    /// The value stored for a key; setting `nil` removes it. Changed through the optional
    /// (`dictionary[key]?.field = value`), the value is changed where its part stores it, not copied out and back.
    @inlinable
    public subscript(key: Key) -> Value? {
        get { parts[Self.part(of: key)][key] }
        _modify { yield &parts[Self.part(of: key)][key] }
    }

    /// The value stored for a key, or the default when there is none; changed through this subscript, the default
    /// is stored first and then changed where its part stores it.
    @inlinable
    public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { parts[Self.part(of: key)][key, default: defaultValue()] }
        _modify { yield &parts[Self.part(of: key)][key, default: defaultValue()] }
    }

    /// The number of entries.
    public var count: Int { parts.reduce(0) { $0 + $1.count } }

    /// Whether there are no entries.
    public var isEmpty: Bool { parts.allSatisfy(\.isEmpty) }

    /// The keys.
    public var keys: some Sequence<Key> { parts.lazy.flatMap(\.keys) }

    /// The values.
    public var values: some Sequence<Value> { parts.lazy.flatMap(\.values) }

    /// Whether a key has a value.
    ///
    /// - Parameter key: The key.
    /// - Returns: `true` when it has one.
    @inlinable
    public func contains(_ key: Key) -> Bool {
        parts[Self.part(of: key)].index(forKey: key) != nil
    }

    /// Stores a value for a key.
    ///
    /// - Parameters:
    ///   - value: The value.
    ///   - key: The key.
    /// - Returns: The value it replaced, if any.
    @discardableResult @inlinable
    public mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        parts[Self.part(of: key)].updateValue(value, forKey: key)
    }

    /// Makes room for about this many entries in all, so that adding them grows no part.
    ///
    /// - Parameter minimumCapacity: The entries expected in all.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        let perPart = minimumCapacity / Self.partCount + 1
        for part in parts.indices { parts[part].reserveCapacity(perPart) }
    }

    /// Changes the value stored for a key where it is stored, when there is one (see
    /// `Dictionary.modifyValue(forKey:_:)`).
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - body: Changes the value.
    /// - Returns: Whether the key had a value.
    @discardableResult @inline(__always)
    package mutating func modifyValue(forKey key: Key, _ body: (inout Value) throws -> Void) rethrows -> Bool {
        try parts[Self.part(of: key)].modifyValue(forKey: key, body)
    }
}

extension ShardedDictionary: Sequence {
    /// Visits every entry.
    public func makeIterator() -> some IteratorProtocol<(key: Key, value: Value)> {
        parts.lazy.flatMap { $0 }.makeIterator()
    }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}

extension ShardedDictionary: Equatable where Value: Equatable {}

extension ShardedDictionary: Hashable where Value: Hashable {}

extension ShardedDictionary: BinaryField where Key: BinaryField, Value: BinaryField {
    /// Writes the count, then each key and its value, as a dictionary does; part by part, and compiled for its key
    /// and value types where it is called, since a snapshot writes millions of entries.
    @inlinable
    public func write(to writer: inout ByteWriter) {
        writer.writeVarint(UInt64(count))
        for part in parts { writer.writeEntries(part) }
    }

    /// Reads the count, then each key and value, as a dictionary does; a count larger than the bytes left is refused
    /// before any allocation.
    @inlinable
    public static func read(from reader: inout ByteReader) throws(BinaryFormatError) -> Self {
        let count = try reader.readCount()
        var entries = Self(minimumCapacity: count)
        try reader.readEntries(count) { (key: consuming Key, value: consuming Value) in entries[key] = value }
        return entries
    }
}

extension String: ShardKey {
    /// The ``Swift/UnsafeRawBufferPointer/wordsHash`` of the text's UTF-8, its high bits folded onto the low ones
    /// that choose a part: a few cycles a word, against a keyed hash's dozens.
    public var shardHash: Int {
        var text = self
        let mixed = text.withUTF8 { UnsafeRawBufferPointer($0).wordsHash }
        let folded = mixed ^ (mixed >> 32)
        return Int(truncatingIfNeeded: folded ^ (folded >> 26))
    }
}

extension RecordId: ShardKey {
    /// The ``Swift/String/shardHash`` of the id's text.
    public var shardHash: Int { text.shardHash }
}
