public import Hummingbird
public import Logging
import Metrics
public import Rapport
import RapportLog
import ServiceLifecycle
import UnixSignals

/// The HTTP server over an open engine: commands, events, read models, history, integrity, each endpoint behind
/// the roles it admits.
public struct RapportServer: Sendable {
    /// The engine served.
    public let engine: Engine
    /// How the server listens and what it allows.
    public let options: ServerOptions
    /// The tokens accepted.
    public let tokens: TokenRegistry
    let metrics: ServerMetrics
    let hub: StreamHub
    let subscriptions: SubscriptionStore

    /// Prepares a server over an engine, and has the engine's log report each sync's duration to the server's
    /// metrics.
    ///
    /// - Parameters:
    ///   - engine: The open engine; the server closes it when it stops.
    ///   - options: How to listen and what to allow.
    /// - Throws: ``ServerError`` `invalid_tokens_file` when the tokens file can not be read.
    public init(engine: Engine, options: ServerOptions) throws {
        self.engine = engine
        self.options = options
        self.tokens = try TokenRegistry(file: TokenFile(path: options.tokensPath))
        let metrics = ServerMetrics()
        self.metrics = metrics
        let hub = StreamHub(
            log: engine.log,
            maximumPerToken: options.maximumStreamsPerToken,
            metrics: metrics,
            keys: engine.keys
        )
        self.hub = hub
        engine.observeErasures { hub.frames.clear() }
        self.subscriptions = SubscriptionStore(dataDirectory: engine.log.directory)
        engine.log.observeSyncs { duration in
            let (seconds, attoseconds) = duration.components
            metrics.fsyncDuration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
    }

    /// The router: every endpoint, with problem answers for every error and the access check per role.
    ///
    /// - Returns: The router.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware())
        OperationRoutes(engine: engine).addHealth(to: router)
        CommandRoutes(engine: engine, options: options)
            .add(to: group(router, [.writer]).add(middleware: CommandMetricsMiddleware(metrics: metrics)))
        ReadModelRoutes(engine: engine).add(to: group(router, [.analyst]))
        HistoryRoutes(engine: engine).add(to: group(router, [.auditor]))
        EventRoutes(engine: engine, options: options).add(to: group(router, [.auditor, .subscriber]))
        OperationRoutes(engine: engine).addVerify(to: group(router, [.auditor]))
        OperationRoutes(engine: engine).addSnapshots(to: group(router, []))
        OpenAPIRoute().add(to: group(router, Set(Role.allCases)))
        EventStreamRoutes(engine: engine, options: options, hub: hub).add(to: group(router, [.subscriber, .auditor]))
        SubscriptionRoutes(engine: engine, options: options, hub: hub, store: subscriptions)
            .add(to: group(router, [.subscriber]))
        MetricsRoutes(engine: engine, metrics: metrics, hub: hub).add(to: group(router, [.auditor]))
        return router
    }

    private func group(_ router: Router<ServerContext>, _ roles: Set<Role>) -> RouterGroup<ServerContext> {
        router.group().add(middleware: AccessMiddleware(tokens: tokens, admitted: roles))
    }

    /// The application: the router on the configured address, with the service that wakes the event streams when
    /// records are durable, and one that closes the engine (taking a snapshot) after the server has stopped
    /// accepting and finished what it was doing (event streams end at the start of a graceful shutdown).
    ///
    /// - Parameters:
    ///   - logger: Where the server logs.
    ///   - onListening: Called with the port once the server listens (the chosen one when the port is 0).
    /// - Returns: The application, ready to run.
    public func application(
        logger: Logger,
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "rapport"),
            services: [EngineShutdown(engine: engine), hub],
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Runs until SIGTERM or SIGINT, then shuts down gracefully: stop accepting, finish in-flight requests, take
    /// a snapshot, close the log. What still runs after ``ServerOptions/shutdownGraceSeconds`` is cancelled, so a
    /// client that stopped reading can not hold the server up; the log is closed after either way.
    ///
    /// - Parameters:
    ///   - logger: Where the server logs.
    ///   - onListening: Called with the port once the server listens.
    /// - Throws: What the server throws when it can not start (e.g. the port is taken).
    public func run(logger: Logger, onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        var configuration = ServiceGroupConfiguration(
            services: [application(logger: logger, onListening: onListening)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(options.shutdownGraceSeconds * 1000))
        try await ServiceGroup(configuration: configuration).run()
    }
}

/// Closes the engine once the server in front of it has shut down.
struct EngineShutdown: Service {
    let engine: Engine

    func run() async throws {
        try? await gracefulShutdown()
        await engine.close()
    }
}
