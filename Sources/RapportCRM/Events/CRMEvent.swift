/// Any event of the CRM domain, by the kind of record whose stream holds it.
public enum CRMEvent: Sendable, Hashable {
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

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        case .account(let event): event.payload
        case .contact(let event): event.payload
        case .lead(let event): event.payload
        case .opportunity(let event): event.payload
        case .case(let event): event.payload
        case .activity(let event): event.payload
        case .campaign(let event): event.payload
        }
    }

    /// The event type's name, e.g. `OpportunityOpened`.
    public var eventType: String { type(of: payload).eventType }

    /// The schema version the event is written with.
    public var schemaVersion: Int { type(of: payload).schemaVersion }

    /// The compact binary form of the payload, as stored in the log.
    ///
    /// - Returns: The bytes.
    public func encodedPayload() -> [UInt8] {
        var writer = ByteWriter()
        payload.encode(to: &writer)
        return writer.bytes
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

    private static let catalog = EventCatalog(
        AccountEvent.catalogEntries + ContactEvent.catalogEntries + LeadEvent.catalogEntries
            + OpportunityEvent.catalogEntries + CaseEvent.catalogEntries + ActivityEvent.catalogEntries
            + CampaignEvent.catalogEntries
    )
}
