import Foundation
import Store
import StoreTestSupport
import Testing

/// A short in-suite version of scripts/crash-test.sh: SIGKILL the writer driver mid-stream, then check that
/// every write it acknowledged is in the database and the database is consistent.
struct CrashRecoveryTests {
    /// The driver executable, built next to the test bundle by `swift build --build-tests` / `swift test`.
    private static var driverPath: String {
        get throws {
            let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
            var directory = testBinary.deletingLastPathComponent()
            // On Linux the bundle is the binary itself; elsewhere it sits inside Contents/MacOS.
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("StoreCrashDriver").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                directory.deleteLastPathComponent()
            }
            throw StoreError(.misuse, message: "StoreCrashDriver is not built next to the tests (swift build --build-tests)")
        }
    }

    private static func run(_ arguments: [String], stdout: FileHandle? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try driverPath)
        process.arguments = arguments
        if let stdout { process.standardOutput = stdout }
        try process.run()
        return process
    }

    @Test(arguments: TestEngine.available)
    func everyAcknowledgedWriteSurvivesSIGKILL(engine: TestEngine) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jianwu-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let location: String
        switch engine {
        case .sqlite:
            location = "sqlite:" + directory.appendingPathComponent("jianwu.db").path
        case .postgres:
            let url = try #require(TestEngine.postgresURL)
            let schema = "crash_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            location = url + (url.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema)"
            try await Self.createSchema(schema, serverURL: url)
        }
        let ackedPath = directory.appendingPathComponent("acked.txt").path
        FileManager.default.createFile(atPath: ackedPath, contents: nil)
        for round in 1...4 {
            let acked = try FileHandle(forWritingTo: URL(fileURLWithPath: ackedPath))
            acked.seekToEndOfFile()
            let writer = try Self.run(["write", "--db", location], stdout: acked)
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...450)))
            #expect(writer.isRunning, "the writer died on its own in round \(round)")
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            try acked.close()
            let verifier = try Self.run(["verify", "--db", location, "--acked", ackedPath], stdout: FileHandle.nullDevice)
            verifier.waitUntilExit()
            #expect(verifier.terminationStatus == 0, "round \(round): the database lost an acknowledged write or is inconsistent")
        }
        let acknowledged = try String(contentsOfFile: ackedPath, encoding: .utf8).split(separator: "\n").count
        #expect(acknowledged > 0)
    }

    private static func createSchema(_ schema: String, serverURL: String) async throws {
        // Created outside PostgresTestSchema because the driver processes need it after this test's store closes;
        // the test server is throwaway, so the schema is left for it.
        try await PostgresTestSchema.adminScript("CREATE SCHEMA \(schema)", serverURL: serverURL)
    }
}
