public import Foundation
public import Observability

/// Settings of `jianwu serve`, from flags first, then `JIANWU_*` environment variables, then defaults.
public struct ServeConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = URL(filePath: "data", directoryHint: .isDirectory)
    /// `sqlite` (the embedded default, `<data-dir>/jianwu.db`) or a `postgres://` URL.
    public var database = "sqlite"
    public var logLevel = Logger.Level.info
    /// Where the web UI's static files are; found next to the executable's package when not set.
    public var webDirectory: URL?
    /// What to import into an empty knowledge base at start: a directory of Markdown laws or a .tar.xz; nil means the
    /// shipped national corpus.
    public var lawsSource: String?
    /// `--no-janus`: start no Janus (video is then unavailable; everything else works).
    public var startsJanus = true
    /// `--janus-url`: use this Janus HTTP API instead of starting one.
    public var janusURL: URL?
    /// `--janus-public-address`: the address browsers reach Janus's media at (NAT, a public address).
    public var janusPublicAddress: String?
    /// `--janus-interface`: the network interface(s) ICE may use, comma-separated.
    public var janusInterface: String?
    public var eventLoops = 0
    /// `--no-migrate`: refuse to start when migrations are pending instead of applying them.
    public var migrate = true
    /// `--secure-cookies` (or `JIANWU_SECURE_COOKIES=1`): send the session cookie only over HTTPS, for TLS behind nginx.
    public var secureCookies = false

    public init() {}

    /// The names of the environment variables, in one place.
    public enum Variable: String, CaseIterable, Sendable {
        case host = "JIANWU_HOST", port = "JIANWU_PORT", dataDir = "JIANWU_DATA_DIR", db = "JIANWU_DB"
        case logLevel = "JIANWU_LOG_LEVEL", webDir = "JIANWU_WEB_DIR", eventLoops = "JIANWU_EVENT_LOOPS", laws = "JIANWU_LAWS"
        case janusURL = "JIANWU_JANUS_URL", janusPublicAddress = "JIANWU_JANUS_PUBLIC_ADDRESS", janusInterface = "JIANWU_JANUS_INTERFACE"
    }

    /// Parses flags (`--port 8080` or `--port=8080`) over environment values.
    public static func parse(arguments: [String], environment: [String: String]) throws(ConfigurationError) -> ServeConfiguration {
        var values: [Variable: (String, source: String)] = [:]
        for variable in Variable.allCases {
            if let value = environment[variable.rawValue] { values[variable] = (value, variable.rawValue) }
        }
        let flags: [String: Variable] = [
            "--host": .host, "--port": .port, "--data-dir": .dataDir, "--db": .db, "--log-level": .logLevel, "--web-dir": .webDir,
            "--event-loops": .eventLoops, "--laws": .laws, "--janus-url": .janusURL,
            "--janus-public-address": .janusPublicAddress, "--janus-interface": .janusInterface,
        ]
        var migrate = true
        var secureCookies = ["1", "true", "yes"].contains(environment["JIANWU_SECURE_COOKIES"]?.lowercased() ?? "")
        var startsJanus = !["1", "true", "yes"].contains(environment["JIANWU_NO_JANUS"]?.lowercased() ?? "")
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--no-migrate" || argument == "--secure-cookies" || argument == "--no-janus" {
                switch argument {
                case "--no-migrate": migrate = false
                case "--secure-cookies": secureCookies = true
                default: startsJanus = false
                }
                i += 1
                continue
            }
            let (name, inline) = argument.split(separator: "=", maxSplits: 1).map(String.init).splitPair
            guard let variable = flags[name] else {
                throw ConfigurationError("unknown option '\(argument)'", fix: "run 'jianwu serve --help' to see the options")
            }
            if let inline {
                values[variable] = (inline, name)
            } else {
                guard i + 1 < arguments.count else { throw ConfigurationError("option \(name) needs a value", fix: "write \(name) <value>") }
                values[variable] = (arguments[i + 1], name)
                i += 1
            }
            i += 1
        }
        var config = ServeConfiguration()
        config.migrate = migrate
        config.secureCookies = secureCookies
        config.startsJanus = startsJanus
        for (variable, (value, source)) in values {
            try config.apply(variable, value: value, source: source)
        }
        return config
    }

    mutating func apply(_ variable: Variable, value: String, source: String) throws(ConfigurationError) {
        switch variable {
        case .host:
            guard !value.isEmpty, value.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
                throw ConfigurationError("\(source) '\(value)' is not an IP address", fix: "use e.g. 127.0.0.1, 0.0.0.0 or ::1")
            }
            host = value
        case .port:
            guard let p = Int(value), (1...65535).contains(p) else {
                throw ConfigurationError("\(source) '\(value)' is not a port number", fix: "use a number from 1 to 65535, e.g. 8080")
            }
            port = p
        case .dataDir:
            guard !value.isEmpty else { throw ConfigurationError("\(source) is empty", fix: "give a directory, e.g. ./data") }
            dataDirectory = URL(filePath: value, directoryHint: .isDirectory)
        case .db:
            guard value == "sqlite" || value.hasPrefix("sqlite:") || value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") else {
                throw ConfigurationError(
                    "\(source) '\(Self.redacted(value))' is not a database", fix: "use 'sqlite' (the default), sqlite:<path> or a postgres://user@host:port/db URL")
            }
            database = value
        case .logLevel:
            guard let level = Logger.Level(name: value) else {
                throw ConfigurationError("\(source) '\(value)' is not a log level", fix: "use debug, info, warning or error")
            }
            logLevel = level
        case .webDir:
            webDirectory = URL(filePath: value, directoryHint: .isDirectory)
        case .janusURL:
            guard let url = URL(string: value), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ConfigurationError("\(source) '\(value)' is not an http(s) URL", fix: "give Janus's HTTP API, e.g. http://10.0.0.5:8088/janus")
            }
            janusURL = url
        case .janusPublicAddress:
            guard !value.isEmpty, value.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
                throw ConfigurationError("\(source) '\(value)' is not an IP address", fix: "give the address browsers reach this host at")
            }
            janusPublicAddress = value
        case .janusInterface:
            guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "," || $0 == "." || $0 == "-" || $0 == "_" }) else {
                throw ConfigurationError("\(source) '\(value)' is not an interface list", fix: "e.g. eth0 or eth0,eth1")
            }
            janusInterface = value
        case .laws:
            guard FileManager.default.fileExists(atPath: value) else {
                throw ConfigurationError("\(source) '\(value)' does not exist", fix: "give a directory of Markdown laws or a .tar.xz archive")
            }
            lawsSource = value
        case .eventLoops:
            guard let n = Int(value), (1...256).contains(n) else {
                throw ConfigurationError("\(source) '\(value)' is not a number of event loops", fix: "use a number from 1 to 256")
            }
            eventLoops = n
        }
    }

    /// A database URL with its password hidden, for messages.
    static func redacted(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let scheme = url.range(of: "://"), let colon = url[scheme.upperBound..<at].firstIndex(of: ":")
        else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}

/// A configuration problem: what is wrong and how to fix it, printed as one line.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problem: String
    public let fix: String

    public init(_ problem: String, fix: String) {
        self.problem = problem
        self.fix = fix
    }

    public var description: String { "\(problem): \(fix)" }
}

extension Array where Element == String {
    fileprivate var splitPair: (String, String?) { (self[0], count > 1 ? self[1] : nil) }
}
