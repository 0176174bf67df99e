import Cases
import Foundation
import Identity
import Knowledge
import Observability
import Store

/// The `jianwu` command line: subcommands, help and exit codes (0 ok, 1 failure, 2 usage error).
public enum CommandLineTool {
    public static let usage = """
        jianwu — 检务云 Jianwu, the smart-procuratorate platform

        Usage:
          jianwu serve [--host ADDR] [--port N] [--data-dir DIR] [--db DB] [--no-migrate] [--secure-cookies] [--log-level LEVEL] [--web-dir DIR]
          jianwu migrate [--data-dir DIR] [--db DB]
          jianwu backup FILE [--data-dir DIR]
          jianwu seed-demo [--data-dir DIR] [--db DB]     demo organisations and one account per role
          jianwu import-laws <DIR | FILE.tar.xz> [--data-dir DIR] [--db DB]   import a law corpus (idempotent)
          jianwu search "<query>" [--limit N] [--json] [--data-dir DIR] [--db DB]  search the imported laws
          jianwu verify FILE [--seal FILE.seal.json] [--public-key KEY.pem] [--data-dir DIR]   check a sealed file
          jianwu audit verify [--data-dir DIR] [--db DB] [--head SEQ:DIGEST]   check the audit hash chain
          jianwu assist --json < facts.jsonl
          jianwu version
          jianwu --help

        serve options (each may also be set by an environment variable):
          --host ADDR        address to listen on            JIANWU_HOST       (default 127.0.0.1)
          --port N           port to listen on               JIANWU_PORT       (default 8080)
          --data-dir DIR     database, files and keys        JIANWU_DATA_DIR   (default ./data)
          --db DB            sqlite, sqlite:PATH, postgres://…  JIANWU_DB      (default sqlite: DIR/jianwu.db)
          --no-migrate       refuse to start if the database schema needs migrating (default: migrate at start)
          --secure-cookies   session cookie only over HTTPS (behind TLS)  JIANWU_SECURE_COOKIES=1
          --log-level LEVEL  debug, info, warning, error     JIANWU_LOG_LEVEL  (default info)
          --web-dir DIR      the web UI's files              JIANWU_WEB_DIR    (default: Web/ of the package)
          --event-loops N    threads serving HTTP            JIANWU_EVENT_LOOPS (default: one per core)
          --laws PATH        laws to import on first start   JIANWU_LAWS       (default: the shipped national corpus)
          --no-janus         start no Janus (video unavailable)       JIANWU_NO_JANUS=1
          --janus-url URL    use this Janus instead of starting one   JIANWU_JANUS_URL
          --janus-public-address ADDR   address browsers reach Janus's media at   JIANWU_JANUS_PUBLIC_ADDRESS
          --janus-interface IF          interfaces ICE may use (e.g. eth0)        JIANWU_JANUS_INTERFACE

        Logs are JSON lines on standard error. SIGTERM or SIGINT stops the server gracefully.
        """

    public static func run(arguments: [String], environment: [String: String]) async -> Int32 {
        guard let command = arguments.first else {
            print(usage)
            return 2
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--help", "-h", "help":
            print(usage)
            return 0
        case "version", "--version":
            print("jianwu \(JianwuVersion.current)")
            return 0
        case "assist":
            return AssistCommand.run(arguments: rest)
        case "migrate":
            return await guarded { try await StoreCommands.migrate(arguments: rest, environment: environment) }
        case "backup":
            return await guarded { try await StoreCommands.backup(arguments: rest, environment: environment) }
        case "import-laws":
            return await guarded { try await KnowledgeCommands.importLaws(arguments: rest, environment: environment) }
        case "search":
            return await guarded { try await KnowledgeCommands.search(arguments: rest, environment: environment) }
        case "verify":
            return await guarded { try await VerifyCommand.run(arguments: rest, environment: environment) }
        case "seed-demo":
            return await guarded { try await IdentityCommands.seedDemo(arguments: rest, environment: environment) }
        case "audit":
            return await guarded { try await IdentityCommands.audit(arguments: rest, environment: environment) }
        case "serve":
            if rest.contains("--help") || rest.contains("-h") {
                print(usage)
                return 0
            }
            return await serve(arguments: rest, environment: environment)
        default:
            fail("unknown command '\(command)': run 'jianwu --help' to see the commands")
            return 2
        }
    }

    static func serve(arguments: [String], environment: [String: String]) async -> Int32 {
        await guarded {
            let configuration = try ServeConfiguration.parse(arguments: arguments, environment: environment)
            try DataDirectory.prepare(configuration.dataDirectory)
            let location = try StoreBootstrap.location(for: configuration)
            let store = try await StoreBootstrap.open(location)
            do {
                let applied = try await StoreBootstrap.prepareSchema(store, allowMigration: configuration.migrate)
                var identitySettings = IdentitySettings()
                identitySettings.secureCookies = configuration.secureCookies
                let app = try Application(configuration: configuration, store: store, identitySettings: identitySettings)
                app.logger.info("store ready", ["store": location.description, "migrations.applied": String(applied.count)])
                let knowledgeTask = Task { await prepareKnowledge(app) }
                let reminderTask = Task { await remindOfDeadlines(app) }
                defer {
                    knowledgeTask.cancel()
                    reminderTask.cancel()
                }
                try await app.run()
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            return 0
        }
    }

    /// Makes the law search ready in the background: on first start imports the shipped national corpus, then loads
    /// the index (from its snapshot when the store has not changed). Search answers 503 until then.
    static func prepareKnowledge(_ app: Application) async {
        let knowledge = app.knowledge
        do {
            if try await knowledge.documentCount() == 0, let source = app.configuration.lawsSource ?? knowledge.assets.corpusArchive?.path {
                app.logger.info("importing laws (first start)", ["source": URL(filePath: source).lastPathComponent])
                let report = try await KnowledgeCommands.importCorpus(source, into: knowledge.store, assets: knowledge.assets, showProgress: false)
                app.logger.info("law corpus imported", ["files": String(report.files), "articles": String(report.articles), "seconds": String(format: "%.1f", report.seconds)])
            }
            let how = try await knowledge.prepare()
            app.logger.info("law search ready", ["how": how])
        } catch {
            app.logger.error("law search unavailable", ["error": String(describing: error)])
        }
    }

    /// Keeps deadlines current and reminds case teams: measures and the calendar day change without any write, so the
    /// nearest deadlines are recomputed every six hours and reminders checked every five minutes.
    static func remindOfDeadlines(_ app: Application) async {
        var lastRefresh = ContinuousClock.now - .seconds(6 * 3600)
        while !Task.isCancelled {
            do {
                if ContinuousClock.now - lastRefresh >= .seconds(6 * 3600) {
                    try await app.cases.refreshAllDeadlines()
                    lastRefresh = .now
                }
                let sent = try await app.reminders.run()
                if sent > 0 { app.logger.info("deadline reminders sent", ["count": String(sent)]) }
            } catch {
                app.logger.error("deadline reminders failed", ["error": String(describing: error)])
            }
            try? await Task.sleep(for: .seconds(300))
        }
    }

    /// Runs a command, turning configuration problems into one line and exit code 2, other failures into exit code 1.
    static func guarded(_ body: () async throws -> Int32) async -> Int32 {
        do {
            return try await body()
        } catch let error as ConfigurationError {
            fail(error.description)
            return 2
        } catch {
            fail("failed: \(error)")
            return 1
        }
    }

    /// One line on standard error, prefixed so it stands out from JSON logs.
    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("jianwu: \(message)\n".utf8))
    }
}
