public import Foundation
#if canImport(FoundationNetworking)
    public import FoundationNetworking
#endif
import Security

/// Jianwu's own calls to Janus's HTTP API: is it up, and create the VideoRoom for a session.
public struct JanusClient: Sendable {
    public let settings: JanusSettings
    let session: URLSession

    public init(settings: JanusSettings) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        session = URLSession(configuration: configuration)
    }

    public enum JanusError: Error, CustomStringConvertible {
        case unavailable(String)
        case refused(code: Int, reason: String)

        public var description: String {
            switch self {
            case .unavailable(let detail): "Janus is not answering (\(detail))"
            case .refused(let code, let reason): "Janus refused: \(code) \(reason)"
            }
        }
    }

    /// A core token for jianwu itself, valid one minute.
    func serverToken() throws -> String {
        try HMACToken.mint(
            secret: settings.tokenSecret, expiry: UInt64(Date().timeIntervalSince1970) + 60, realm: "janus", items: ["janus.plugin.videoroom"])
    }

    /// `GET /info`: the server answers.
    public func isAvailable() async -> Bool {
        guard let url = URL(string: settings.apiURL.absoluteString + "/info"),
            let (_, response) = try? await session.data(from: url)
        else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// Creates a VideoRoom (recording into the data directory, joinable only with a room token) unless it exists.
    public func ensureRoom(_ room: Int64, secret: String, description: String) async throws {
        let token = try serverToken()
        let sessionID = try await post(settings.apiURL, ["janus": "create", "token": token])["data"].flatMap { ($0 as? [String: Any])?["id"] as? Int64 }
        guard let sessionID else { throw JanusError.unavailable("no session id") }
        let sessionURL = settings.apiURL.appending(path: String(sessionID))
        defer { Task { _ = try? await post(sessionURL, ["janus": "destroy", "token": token]) } }
        let attached = try await post(sessionURL, ["janus": "attach", "plugin": "janus.plugin.videoroom", "token": token])
        guard let handleID = (attached["data"] as? [String: Any])?["id"] as? Int64 else { throw JanusError.unavailable("no handle id") }
        let handleURL = sessionURL.appending(path: String(handleID))
        let exists = try await message(handleURL, token: token, body: ["request": "exists", "room": room])
        if exists["exists"] as? Bool == true { return }
        let created = try await message(
            handleURL, token: token,
            body: [
                "request": "create", "room": room, "description": description, "secret": secret, "is_private": true, "publishers": 6,
                "bitrate": 512_000, "videocodec": "vp8", "audiocodec": "opus", "record": true, "rec_dir": settings.recordingsDirectory.path,
                "signed_tokens": true, "permanent": false,
            ])
        if let code = created["error_code"] as? Int { throw JanusError.refused(code: code, reason: created["error"] as? String ?? "") }
    }

    private func message(_ handleURL: URL, token: String, body: [String: Any]) async throws -> [String: Any] {
        let reply = try await post(handleURL, ["janus": "message", "token": token, "body": body])
        return ((reply["plugindata"] as? [String: Any])?["data"] as? [String: Any]) ?? [:]
    }

    private func post(_ url: URL, _ body: [String: Any]) async throws -> [String: Any] {
        var body = body
        body["transaction"] = UUID().uuidString
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let data: Data
        do {
            (data, _) = try await session.data(for: request)
        } catch {
            throw JanusError.unavailable(String(describing: error))
        }
        guard let reply = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw JanusError.unavailable("not JSON") }
        if reply["janus"] as? String == "error", let error = reply["error"] as? [String: Any] {
            throw JanusError.refused(code: error["code"] as? Int ?? 0, reason: error["reason"] as? String ?? "")
        }
        return reply
    }
}
