extension CRMEvent {
    /// How many event types the domain knows; their numbers run from zero to one less.
    public static var typeCount: Int { catalog.entries.count }

    /// The number of the event type these bytes name, as a log record stores its type: for tables indexed by
    /// type, which a reader checks without making a string of the name.
    ///
    /// - Parameter bytes: The type's name in UTF-8.
    /// - Returns: The number, below ``typeCount``; `nil` for a name no event type has.
    public static func typeNumber(named bytes: UnsafeRawBufferPointer) -> Int? {
        catalog.index(named: bytes)
    }

    /// The number of the event type with this name (see ``typeNumber(named:)``).
    ///
    /// - Parameter name: The type's name, for example `OpportunityOpened`.
    /// - Returns: The number; `nil` for a name no event type has.
    public static func typeNumber(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { typeNumber(named: UnsafeRawBufferPointer($0)) }
    }
}
