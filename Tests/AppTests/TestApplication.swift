import App
import Foundation
import HTTPRouter
import HTTPServer
import Identity
import Observability
import Store
import StoreSQLite

/// The whole application over a fresh SQLite database with the demo world, called in-process through its router
/// (the socket layer has its own tests), with a cookie jar per client.
final class TestApplication: Sendable {
    let app: Application
    let store: any Store
    let directory: URL
    let logs: MemoryLogSink

    static func make(seedDemo: Bool = true) async throws -> TestApplication {
        let directory = FileManager.default.temporaryDirectory.appending(path: "jianwu-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try await SQLiteStore.open(path: directory.appending(path: "jianwu.db").path)
        _ = try await StoreBootstrap.prepareSchema(store, allowMigration: true)
        var configuration = ServeConfiguration()
        configuration.webDirectory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Web").standardizedFileURL
        configuration.logLevel = .debug
        let logs = MemoryLogSink()
        let app = try Application(configuration: configuration, store: store, logSink: logs)
        if seedDemo { try await DemoWorld.seed(app.identity) }
        return TestApplication(app: app, store: store, directory: directory, logs: logs)
    }

    private init(app: Application, store: any Store, directory: URL, logs: MemoryLogSink) {
        self.app = app
        self.store = store
        self.directory = directory
        self.logs = logs
    }

    func close() async {
        await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func client() -> TestClient { TestClient(app: app) }
}

/// One browser: keeps the session cookie and the CSRF token it was given.
final class TestClient: @unchecked Sendable {
    // Used from one test task at a time.
    let app: Application
    var cookie: String?
    var csrfToken: String?

    init(app: Application) { self.app = app }

    struct Response {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:] }
    }

    @discardableResult
    func send(_ method: HTTPMethod, _ target: String, json: String? = nil, headers extra: [String: String] = [:], csrf: Bool = true) async -> Response {
        // A browser on the same origin sends Origin with every state-changing request.
        var headers: HTTPHeaders = ["Host": "127.0.0.1:8080", "Origin": "http://127.0.0.1:8080"]
        if let cookie { headers.add(name: "Cookie", value: "jianwu_session=\(cookie)") }
        if csrf, let csrfToken, method != .get { headers.add(name: "X-CSRF-Token", value: csrfToken) }
        if json != nil { headers.add(name: "Content-Type", value: "application/json") }
        for (name, value) in extra { headers.set(name: name, value: value) }
        let body = Array((json ?? "").utf8)
        let head = HTTPRequestHead(method: method, target: target, headers: headers, framing: body.isEmpty ? .none : .contentLength(body.count))
        let response = await app.router.respond(to: HTTPRequest(head: head, body: body, remoteAddress: "127.0.0.1"))
        guard case .bytes(let bytes) = response.body else { return Response(status: Int(response.status.code), headers: response.headers, body: []) }
        if let setCookie = response.headers["Set-Cookie"], setCookie.hasPrefix("jianwu_session=") {
            let value = setCookie.dropFirst("jianwu_session=".count).prefix { $0 != ";" }
            cookie = value.isEmpty ? nil : String(value)
        }
        let result = Response(status: Int(response.status.code), headers: response.headers, body: bytes)
        if let session = result.json["session"] as? [String: Any], let token = session["csrfToken"] as? String { csrfToken = token }
        return result
    }

    @discardableResult
    func signIn(_ username: String, password: String = DemoWorld.password) async -> Response {
        await send(.post, "/api/auth/sign-in", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
    }
}
