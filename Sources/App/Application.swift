public import Cases
public import Evidence
public import Foundation
public import HTTPRouter
public import HTTPServer
public import Identity
public import Media
public import Knowledge
public import Notifications
public import Observability
public import RemoteSessions
import Sentencing
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
    public let knowledge: KnowledgeBase
    public let cases: CaseService
    public let notifications: NotificationService
    public let reminders: DeadlineReminders
    public let remoteSessions: RemoteSessionService
    public let janus: JanusSettings
    public let sealKeys: SealKeyStore

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
        let assets = Self.locateAssets() ?? KnowledgeAssets(root: URL(filePath: "Data"))
        knowledge = KnowledgeBase(store: store, assets: assets, cacheDirectory: configuration.dataDirectory.appending(path: "knowledge"))
        KnowledgeRoutes(knowledge: knowledge).register(on: routes)
        let charges = (try? ChargeCatalogue.load(csvAt: assets.chargeKeywords)) ?? ChargeCatalogue(entries: [])
        if charges.entries.isEmpty { logger.warning("charge list not found; cases cannot be registered", ["path": assets.chargeKeywords.path]) }
        cases = CaseService(store: store, charges: charges, filesDirectory: configuration.dataDirectory.appending(path: "files"))
        notifications = NotificationService(store: store)
        reminders = DeadlineReminders(cases: cases, notifications: notifications)
        CaseRoutes(cases: cases, reminders: reminders).register(on: routes)
        NotificationRoutes(notifications: notifications).register(on: routes)
        var janus = try JanusSettings.forDataDirectory(configuration.dataDirectory, externalURL: configuration.janusURL)
        janus.publicAddress = configuration.janusPublicAddress
        janus.iceInterfaces = configuration.janusInterface
        self.janus = janus
        sealKeys = try SealKeyStore.open(dataDirectory: configuration.dataDirectory)
        let log = logger
        let recordings = RecordingArchive(janus: janus, dataDirectory: configuration.dataDirectory, keys: sealKeys) { log.warning($0) }
        remoteSessions = RemoteSessionService(store: store, cases: cases, notifications: notifications, recordings: recordings)
        RemoteSessionRoutes(sessions: remoteSessions, media: MediaTokens(settings: janus), janus: JanusClient(settings: janus)).register(on: routes)
        JanusProxy(settings: janus).register(on: routes)
        SealRoutes(keys: sealKeys).register(on: routes)
        let assistant: CaseAssistant?
        do {
            assistant = try CaseAssistant.bundled()
        } catch {
            assistant = nil
            logger.error("case assistant tables not loaded", ["error": String(describing: error)])
        }
        AssistRoutes(assistant: assistant).register(on: routes)
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
        let notifications = self.notifications
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
        let supervisor = JanusSupervisor(settings: janus) { message in logger.info(message) }
        if janus.supervise && configuration.startsJanus {
            do { try supervisor.start() } catch { logger.error("janus could not be started", ["error": String(describing: error)]) }
        }
        defer { supervisor.stop() }
        let signals = ShutdownSignals { signal in
            logger.info("shutting down", ["signal": signal])
            server.shutdown(gracePeriod: gracePeriod)
            // Event streams never finish on their own: end them so shutdown need not wait out the grace period.
            notifications.hub.close()
        }
        logger.info("listening", ["address": "http://\(configuration.host):\(server.port)", "event_loops": String(serverConfig.eventLoops)])
        await server.waitUntilStopped()
        withExtendedLifetime(signals) {}
        logger.info("stopped")
    }

    /// The web UI's directory: the configured one, else `Web/` of the source tree (see ``SourceTreeDirectory``).
    static func locateWebDirectory(configured: URL?) -> URL? {
        configured ?? SourceTreeDirectory.find("Web", containing: "index.html")
    }

    /// The shipped data (`Data/` of the source tree), recognised by its dictionary.
    static func locateAssets() -> KnowledgeAssets? {
        SourceTreeDirectory.find("Data", containing: "dict/jieba-dict.txt").map(KnowledgeAssets.init(root:))
    }
}
