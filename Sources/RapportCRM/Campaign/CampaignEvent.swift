/// The events of a campaign's stream.
public enum CampaignEvent: Sendable, Hashable {

    /// The event's data.
    public var payload: any EventPayload {
        switch self {
        }
    }

    static let catalogEntries: [EventCatalog.Entry] = []
}
