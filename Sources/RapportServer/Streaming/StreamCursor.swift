import RapportCRM

/// Where an event stream stands: the position it reads next and the last event id its client holds.
///
/// The two differ when the filter passed over records after the last event sent; the stream then tells the client
/// the position it scanned up to (in a comment block with an `id`), so that a reconnecting client resumes after it.
struct StreamCursor: Sendable, Hashable {
    /// The position read next: everything before it was sent or passed over.
    var next: UInt64
    /// The last event id the client holds, if any.
    var lastId: UInt64?

    /// Moves past a page that was sent.
    ///
    /// - Parameter page: The page.
    mutating func read(_ page: FramePage) {
        if let last = page.lastEvent {
            lastId = last
        }
        next = page.next
    }

    /// The last position passed over, when the client's last event id is behind it; `nil` when it is not.
    var unannounced: UInt64? {
        guard next > 0 else { return nil }
        if let lastId, lastId >= next - 1 {
            return nil
        }
        return next - 1
    }

    /// Notes that the client was told ``unannounced``.
    mutating func announce() {
        if let position = unannounced {
            lastId = position
        }
    }
}
