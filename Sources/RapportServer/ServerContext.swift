public import Hummingbird

/// What the server knows about one request while it is handled: the caller, once their token is checked.
public struct ServerContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The caller whose bearer token was accepted; `nil` before the access check and on open endpoints.
    public var caller: Caller?

    /// Creates the context of a new request.
    ///
    /// - Parameter source: Where the request came from.
    public init(source: Source) {
        self.coreContext = .init(source: source)
    }
}
