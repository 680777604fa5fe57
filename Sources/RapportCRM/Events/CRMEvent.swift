/// Any event of the CRM domain, by the kind of record whose stream holds it.
public enum CRMEvent: EventCases, Hashable {
    case account(AccountEvent)
    case contact(ContactEvent)
    case lead(LeadEvent)
    case opportunity(OpportunityEvent)
    case `case`(CaseEvent)
    case activity(ActivityEvent)
    case campaign(CampaignEvent)

    /// The kind of record whose stream holds the event.
    public var kind: RecordKind {
        switch self {
        case .account: .account
        case .contact: .contact
        case .lead: .lead
        case .opportunity: .opportunity
        case .case: .case
        case .activity: .activity
        case .campaign: .campaign
        }
    }

    /// Hands the event's payload to a visitor as its own type.
    ///
    /// - Parameter visitor: The visitor.
    /// - Returns: What the visitor gives.
    public func accept<Visitor: EventPayloadVisitor>(_ visitor: inout Visitor) -> Visitor.Result {
        switch self {
        case .account(let event): event.accept(&visitor)
        case .contact(let event): event.accept(&visitor)
        case .lead(let event): event.accept(&visitor)
        case .opportunity(let event): event.accept(&visitor)
        case .case(let event): event.accept(&visitor)
        case .activity(let event): event.accept(&visitor)
        case .campaign(let event): event.accept(&visitor)
        }
    }

    /// The compact binary form of the payload, as stored in the log.
    ///
    /// - Returns: The bytes.
    public func encodedPayload() -> [UInt8] {
        recordForm().payload
    }

    /// What a log record holds of the event: its type's name, the schema version it is written with and its
    /// payload's binary form, in one pass over the event (each pass copies it).
    ///
    /// - Returns: The type, schema version and payload bytes.
    public func recordForm() -> (type: String, schemaVersion: Int, payload: [UInt8]) {
        var encoder = BinaryPayloadEncoder()
        return accept(&encoder)
    }

    /// Every event type's name, in catalog order.
    public static var eventTypes: [String] { catalog.entries.map(\.name) }

    /// The current schema version of every event type, by name.
    public static var schemaVersions: [String: Int] {
        Dictionary(uniqueKeysWithValues: catalog.entries.map { ($0.name, $0.schemaVersion) })
    }

    /// Reads an event from a log record's type and payload bytes, upcasting older schema versions.
    ///
    /// - Parameters:
    ///   - type: The record's type bytes, the event type's name in UTF-8.
    ///   - schemaVersion: The schema version from the event's metadata.
    ///   - payload: The record's payload bytes.
    /// - Returns: The event.
    /// - Throws: ``BinaryFormatError`` when the type is unknown or the payload does not hold the event.
    public static func decode(
        type: UnsafeRawBufferPointer,
        schemaVersion: Int,
        payload: UnsafeRawBufferPointer
    ) throws(BinaryFormatError) -> CRMEvent {
        guard let index = catalog.index(named: type) else {
            throw BinaryFormatError("\"\(String(decoding: type, as: UTF8.self))\" is not a CRM event type")
        }
        var reader = ByteReader(payload)
        return try catalog.decode(index, from: &reader, schemaVersion: schemaVersion)
    }

    static let catalog = EventCatalog(
        AccountEvent.catalogEntries + ContactEvent.catalogEntries + LeadEvent.catalogEntries
            + OpportunityEvent.catalogEntries + CaseEvent.catalogEntries + ActivityEvent.catalogEntries
            + CampaignEvent.catalogEntries
    )
}

/// Writes a payload's binary form.
private struct BinaryPayloadEncoder: EventPayloadVisitor {
    mutating func visit<Payload: EventPayload>(_ payload: Payload) -> (
        type: String, schemaVersion: Int, payload: [UInt8]
    ) {
        var writer = ByteWriter()
        payload.encode(to: &writer)
        return (Payload.eventType, Payload.schemaVersion, writer.bytes)
    }
}
