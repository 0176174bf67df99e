import Foundation
import Observability

/// The `jianwu` command line: subcommands, help and exit codes (0 ok, 1 failure, 2 usage error).
public enum CommandLineTool {
    public static let usage = """
        jianwu — 检务云 Jianwu, the smart-procuratorate platform

        Usage:
          jianwu serve [--host ADDR] [--port N] [--data-dir DIR] [--db sqlite|postgres://…] [--log-level LEVEL] [--web-dir DIR]
          jianwu assist --json < facts.jsonl
          jianwu version
          jianwu --help

        serve options (each may also be set by an environment variable):
          --host ADDR        address to listen on            JIANWU_HOST       (default 127.0.0.1)
          --port N           port to listen on               JIANWU_PORT       (default 8080)
          --data-dir DIR     database, files and keys        JIANWU_DATA_DIR   (default ./data)
          --db DB            'sqlite' or a postgres:// URL   JIANWU_DB         (default sqlite: DIR/jianwu.db)
          --log-level LEVEL  debug, info, warning, error     JIANWU_LOG_LEVEL  (default info)
          --web-dir DIR      the web UI's files              JIANWU_WEB_DIR    (default: Web/ of the package)
          --event-loops N    threads serving HTTP            JIANWU_EVENT_LOOPS (default: one per core)

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
        do {
            let configuration = try ServeConfiguration.parse(arguments: arguments, environment: environment)
            try DataDirectory.prepare(configuration.dataDirectory)
            let app = Application(configuration: configuration)
            try await app.run()
            return 0
        } catch let error as ConfigurationError {
            fail(error.description)
            return 2
        } catch {
            fail("serve failed: \(error)")
            return 1
        }
    }

    /// One line on standard error, prefixed so it stands out from JSON logs.
    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("jianwu: \(message)\n".utf8))
    }
}
