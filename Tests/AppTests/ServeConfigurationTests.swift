import App
import Foundation
import Testing

struct ServeConfigurationTests {
    @Test func defaultsServeSQLiteOnLoopback8080() throws {
        let config = try ServeConfiguration.parse(arguments: [], environment: [:])
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database == "sqlite")
    }

    @Test func flagsOverrideEnvironment() throws {
        let config = try ServeConfiguration.parse(
            arguments: ["--port", "9001", "--data-dir=/tmp/jw"], environment: ["JIANWU_PORT": "9000", "JIANWU_HOST": "0.0.0.0"])
        #expect(config.port == 9001)
        #expect(config.host == "0.0.0.0")
        #expect(config.dataDirectory.path == "/tmp/jw")
    }

    @Test(arguments: [
        (["--port", "99999"], "--port '99999' is not a port number"),
        (["--port", "http"], "--port 'http' is not a port number"),
        (["--host", "example.com"], "--host 'example.com' is not an IP address"),
        (["--db", "mysql://x"], "--db 'mysql://x' is not a database"),
        (["--log-level", "loud"], "--log-level 'loud' is not a log level"),
        (["--colour"], "unknown option '--colour'"),
        (["--port"], "option --port needs a value"),
    ])
    func badValuesAreRefusedWithOneLineSayingWhatAndHow(_ arguments: [String], _ problem: String) {
        #expect(throws: ConfigurationError.self) { try ServeConfiguration.parse(arguments: arguments, environment: [:]) }
        do {
            _ = try ServeConfiguration.parse(arguments: arguments, environment: [:])
        } catch {
            #expect(error.problem == problem)
            #expect(!error.fix.isEmpty)
        }
    }

    @Test func badEnvironmentValueNamesTheVariable() {
        do {
            _ = try ServeConfiguration.parse(arguments: [], environment: ["JIANWU_PORT": "0"])
            Issue.record("port 0 accepted")
        } catch {
            #expect(error.description.hasPrefix("JIANWU_PORT '0' is not a port number: "))
        }
    }

    @Test func passwordInDatabaseURLIsNotEchoed() {
        do {
            _ = try ServeConfiguration.parse(arguments: ["--db", "mongodb://u:secret@h/db"], environment: [:])
        } catch {
            #expect(!error.description.contains("secret"))
        }
    }

    @Test func unwritableDataDirectoryIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "jw-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: dir.path)
        defer { try? FileManager.default.removeItem(at: dir) }
        // root ignores permission bits, so only check when they apply.
        if getuid() != 0 {
            #expect(throws: ConfigurationError.self) { try DataDirectory.prepare(dir) }
        }
        #expect(throws: ConfigurationError.self) { try DataDirectory.prepare(URL(filePath: "/proc/jianwu-cannot-exist")) }
    }
}
