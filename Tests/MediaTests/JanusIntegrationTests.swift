import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Media
import Security
import Testing

/// A real Janus (Debian's package) started by ``JanusSupervisor`` on a free port: jianwu creates a room, and Janus
/// itself refuses tokens for another room, expired tokens, and calls without a token.
@Suite(.serialized)
struct JanusIntegrationTests {
    static var installed: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/janus") }
    static var required: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    static func freePort() -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(probe, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(probe, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Posts a Janus API request and returns the reply.
    static func post(_ url: URL, _ body: [String: Any]) async throws -> [String: Any] {
        var body = body
        body["transaction"] = UUID().uuidString
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    static func errorCode(_ reply: [String: Any]) -> Int? {
        (reply["error"] as? [String: Any])?["code"] as? Int
            ?? ((reply["plugindata"] as? [String: Any])?["data"] as? [String: Any])?["error_code"] as? Int
    }

    @Test func janusRefusesTokensForAnotherRoomExpiredTokensAndNoToken() async throws {
        guard Self.installed else {
            #expect(!Self.required, "Janus must be installed in CI (scripts/lib/packages.sh installs janus)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-janus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = Self.freePort()
        var settings = try JanusSettings.forDataDirectory(directory, externalURL: nil)
        settings.httpPort = port
        settings.apiURL = URL(string: "http://127.0.0.1:\(port)/janus")!
        settings.rtpPortRange = "21000-21099"
        let supervisor = JanusSupervisor(settings: settings) { _ in }
        try supervisor.start()
        defer { supervisor.stop() }
        let client = JanusClient(settings: settings)
        var up = false
        for _ in 0..<100 where !up {
            up = await client.isAvailable()
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(up, "Janus answers /info within 10 s")

        let tokens = MediaTokens(settings: settings)
        try await client.ensureRoom(1001, secret: tokens.roomSecret(1001), description: "test A")
        try await client.ensureRoom(1002, secret: tokens.roomSecret(1002), description: "test B")
        try await client.ensureRoom(1001, secret: tokens.roomSecret(1001), description: "test A")  // idempotent

        let api = settings.apiURL
        #expect(Self.errorCode(try await Self.post(api, ["janus": "create"])) == 403, "no token")
        let expired = try tokens.grant(room: 1001, display: "x", expiresAt: Date().addingTimeInterval(-60))
        #expect(Self.errorCode(try await Self.post(api, ["janus": "create", "token": expired.token])) == 403, "expired token")

        let grant = try tokens.grant(room: 1001, display: "张伟", expiresAt: Date().addingTimeInterval(600))
        let created = try await Self.post(api, ["janus": "create", "token": grant.token])
        let session = try #require((created["data"] as? [String: Any])?["id"] as? Int64)
        let attached = try await Self.post(api.appending(path: String(session)), ["janus": "attach", "plugin": "janus.plugin.videoroom", "token": grant.token])
        let handle = try #require((attached["data"] as? [String: Any])?["id"] as? Int64)
        let handleURL = api.appending(path: String(session)).appending(path: String(handle))
        func join(_ room: Int64, _ roomToken: String) async throws -> [String: Any] {
            // A join is answered asynchronously: the reply is an ack, the result arrives on the long poll.
            _ = try await Self.post(
                handleURL, ["janus": "message", "token": grant.token, "body": ["request": "join", "ptype": "publisher", "room": room, "token": roomToken]])
            // The token's base64 may hold + and /, which a query must escape (as janus.js does with encodeURIComponent).
            let token = grant.token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? grant.token
            var request = URLRequest(url: URL(string: api.absoluteString + "/\(session)?maxev=1&token=\(token)")!)
            request.timeoutInterval = 10
            let (data, _) = try await URLSession.shared.data(for: request)
            let events = try JSONSerialization.jsonObject(with: data)
            return (events as? [[String: Any]])?.first ?? (events as? [String: Any]) ?? [:]
        }
        let wrongRoom = try await join(1002, grant.roomToken)
        #expect(Self.errorCode(wrongRoom) == 433, "a token for room 1001 does not open room 1002")
        let rightRoom = try await join(1001, grant.roomToken)
        #expect(Self.errorCode(rightRoom) == nil)
        #expect(((rightRoom["plugindata"] as? [String: Any])?["data"] as? [String: Any])?["videoroom"] as? String == "joined")
    }
}
