public import Foundation

/// How jianwu runs or reaches Janus. Secrets are generated on first start and kept in the data directory.
public struct JanusSettings: Sendable {
    /// Janus's HTTP API (where jianwu's `/janus` proxy forwards to).
    public var apiURL: URL
    /// Start and supervise a Janus process (when the `janus` binary is installed); false with `--janus-url`.
    public var supervise: Bool
    /// The binary; Debian's package installs it here.
    public var binary = "/usr/bin/janus"
    /// Where the generated configuration, logs and recordings live (`<data-dir>/janus`).
    public var directory: URL
    public var httpPort = 8088
    /// UDP ports for media.
    public var rtpPortRange = "20000-20999"
    /// The address browsers reach Janus's media at, when it differs from the host's own (NAT, a public address).
    public var publicAddress: String?
    /// Interfaces ICE may use (`ice_enforce_list`); nil lets Janus choose.
    public var iceInterfaces: String?
    public var tokenSecret: String
    public var adminSecret: String

    public init(apiURL: URL, supervise: Bool, directory: URL, tokenSecret: String, adminSecret: String) {
        self.apiURL = apiURL
        self.supervise = supervise
        self.directory = directory
        self.tokenSecret = tokenSecret
        self.adminSecret = adminSecret
    }

    public var configurationDirectory: URL { directory.appending(path: "conf") }
    public var recordingsDirectory: URL { directory.appending(path: "recordings") }
    public var logFile: URL { directory.appending(path: "janus.log") }
    public var pidFile: URL { directory.appending(path: "janus.pid") }

    /// Settings for a data directory: secrets read from `<dir>/janus/secrets` or created there (mode 0600).
    public static func forDataDirectory(_ dataDirectory: URL, externalURL: URL?) throws -> JanusSettings {
        let directory = dataDirectory.appending(path: "janus")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let secretsFile = directory.appending(path: "secrets")
        var secrets = (try? String(contentsOf: secretsFile, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        if secrets.count != 2 || secrets.contains(where: { $0.count < 32 }) {
            secrets = [Self.randomSecret(), Self.randomSecret()]
            try secrets.joined(separator: "\n").write(to: secretsFile, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretsFile.path)
        }
        let api = externalURL ?? URL(string: "http://127.0.0.1:8088/janus")!
        return JanusSettings(apiURL: api, supervise: externalURL == nil, directory: directory, tokenSecret: secrets[0], adminSecret: secrets[1])
    }

    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<40).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
