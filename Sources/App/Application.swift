public import Foundation
public import HTTPRouter
public import HTTPServer
public import Identity
public import Observability
public import Store

/// Wires configuration → router (middleware, system routes, web UI) → HTTP server.
public struct Application: Sendable {
    public let configuration: ServeConfiguration
    public let logger: Logger
    public let metrics = Metrics()
    public let router: Router
    /// Every route with its access rule (the authorisation matrix test reads it).
    public let routes: SecuredRoutes
    public let identity: IdentityService

    /// - Parameter store: opened and migrated (see ``StoreBootstrap``).
    public init(
        configuration: ServeConfiguration, store: any Store, identitySettings: IdentitySettings = IdentitySettings(),
        logSink: any LogSink = StandardErrorSink()
    ) throws {
        self.configuration = configuration
        logger = Logger(label: "jianwu", minimumLevel: configuration.logLevel, sink: logSink)
        router = Router(logger: logger)
        router.use(RequestIDMiddleware())
        router.use(AccessLogMiddleware(metrics: metrics))
        router.use(SecurityHeadersMiddleware())
        router.use(ErrorMiddleware())
        routes = SecuredRoutes(router: router)
        identity = try IdentityService(store: store, settings: identitySettings)
        IdentityRoutes.install(on: routes, identity: identity)
        SystemRoutes(metrics: metrics).register(on: routes)
        if let web = Self.locateWebDirectory(configured: configuration.webDirectory) {
            routes.add(.get, "/*", .public, StaticFiles(root: web).handler)
        } else {
            logger.warning("web UI directory not found; set --web-dir or JIANWU_WEB_DIR")
        }
        router.freeze()
    }

    /// Starts serving and returns once SIGTERM or SIGINT has shut the server down gracefully.
    public func run(gracePeriod: Duration = .seconds(10)) async throws {
        var serverConfig = HTTPServerConfiguration(host: configuration.host, port: configuration.port)
        if configuration.eventLoops > 0 { serverConfig.eventLoops = configuration.eventLoops }
        let logger = self.logger
        let server = HTTPServer(configuration: serverConfig, responder: router) { message in logger.warning(message) }
        do {
            try server.start()
        } catch {
            if error.systemErrno == EADDRINUSE {
                throw ConfigurationError("port \(configuration.port) on \(configuration.host) is already in use", fix: "stop the other program or choose another with --port")
            }
            if error.systemErrno == EACCES {
                throw ConfigurationError("not allowed to listen on port \(configuration.port)", fix: "use a port above 1023 or run behind nginx")
            }
            throw ConfigurationError("cannot listen on \(configuration.host):\(configuration.port) (\(error))", fix: "check --host and --port")
        }
        let signals = ShutdownSignals { signal in
            logger.info("shutting down", ["signal": signal])
            server.shutdown(gracePeriod: gracePeriod)
        }
        logger.info("listening", ["address": "http://\(configuration.host):\(server.port)", "event_loops": String(serverConfig.eventLoops)])
        await server.waitUntilStopped()
        withExtendedLifetime(signals) {}
        logger.info("stopped")
    }

    /// The web UI's directory: the configured one, else `Web/` beside the package the executable was built in, else `./Web`.
    static func locateWebDirectory(configured: URL?) -> URL? {
        if let configured { return configured }
        var candidates: [URL] = []
        var dir = URL(filePath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appending(path: "Web"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(filePath: FileManager.default.currentDirectoryPath).appending(path: "Web"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appending(path: "index.html").path) }
    }
}
