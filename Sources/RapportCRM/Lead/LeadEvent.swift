/// The events of a lead's stream.
public enum LeadEvent: Sendable, Hashable {

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = []
}
