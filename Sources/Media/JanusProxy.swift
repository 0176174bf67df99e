public import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import HTTPRouter
import HTTPServer
public import Identity

/// `/janus` on jianwu's own origin, forwarded to Janus's HTTP API on 127.0.0.1: one origin, one cookie, one TLS
/// certificate for browsers, and Janus itself never exposed. Only signed-in users get through; Janus's own signed
/// tokens then decide which room they may join.
public struct JanusProxy: Sendable {
    let settings: JanusSettings
    let session: URLSession

    public init(settings: JanusSettings) {
        self.settings = settings
        let configuration = URLSessionConfiguration.ephemeral
        // Janus holds a long poll for up to 30 s before answering with a keep-alive.
        configuration.timeoutIntervalForRequest = 65
        session = URLSession(configuration: configuration)
    }

    public func register(on routes: SecuredRoutes) {
        for pattern in ["/janus", "/janus/*"] {
            routes.add(.get, pattern, .signedInSameOrigin) { (request: Request, _: Authenticated) in try await forward(request) }
            routes.add(.post, pattern, .signedInSameOrigin, bodyLimit: 256 * 1024) { (request: Request, _: Authenticated) in try await forward(request) }
        }
        // janus.js and the WebRTC adapter, from Debian's libjs-janus-gateway and libjs-webrtc-adapter.
        for (path, file) in [
            ("/vendor/janus.js", "/usr/share/javascript/janus-gateway/janus.js"),
            ("/vendor/adapter.js", "/usr/share/javascript/webrtc-adapter/adapter.min.js"),
        ] {
            routes.add(.get, path, .public) { _ in
                guard let bytes = FileManager.default.contents(atPath: file) else {
                    throw HTTPError(.notFound, detail: "视频组件未安装（apt-get install libjs-janus-gateway）。", code: "not-installed")
                }
                return HTTPResponse(
                    status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400"],
                    body: .bytes([UInt8](bytes)))
            }
        }
    }

    func forward(_ request: Request) async throws -> HTTPResponse {
        let suffix = request.path.dropFirst("/janus".count)
        var text = settings.apiURL.absoluteString + suffix
        if let query = request.http.query { text += "?" + query }
        guard let url = URL(string: text) else { throw HTTPError.notFound }
        var upstream = URLRequest(url: url)
        upstream.httpMethod = request.method.rawValue
        if request.method == .post {
            upstream.httpBody = Data(request.body)
            upstream.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        do {
            let (data, response) = try await session.data(for: upstream)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 502
            return HTTPResponse(
                status: HTTPStatus(code: status), headers: ["Content-Type": "application/json", "Cache-Control": "no-store"], body: .bytes([UInt8](data)))
        } catch {
            throw HTTPError(
                .serviceUnavailable, detail: "视频服务暂不可用（Janus 未运行或正在重启），预约和笔录不受影响，请稍后重试。", code: "media-unavailable",
                headers: ["Retry-After": "5"])
        }
    }
}
