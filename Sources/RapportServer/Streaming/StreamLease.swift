/// One stream's place in the ``StreamHub``: held while the stream is open, given back exactly once, when released
/// or, should the response never be written (the client gone first), when dropped.
final class StreamLease: Sendable {
    private let hub: StreamHub
    /// The stream's id in the hub.
    let id: UInt64
    /// What wakes the stream.
    let signal: StreamSignal

    init(hub: StreamHub, id: UInt64, signal: StreamSignal) {
        self.hub = hub
        self.id = id
        self.signal = signal
    }

    deinit {
        hub.close(id)
    }

    /// Notes how far the stream has read.
    ///
    /// - Parameter next: The position it reads next.
    func advance(to next: UInt64) {
        hub.advance(id, to: next)
    }

    /// Gives the place back; later calls do nothing.
    func release() {
        hub.close(id)
    }
}
