/// What validation needs to know about one lead.
public struct LeadState: Sendable, Hashable {
    /// Events in the lead's stream.
    public var version: UInt64
}
