import Foundation
import HTTPRouter
import HTTPServer
import Observability
import Testing

func makeRequest(_ target: String, headers: HTTPHeaders = [:], body: String = "") -> HTTPRequest {
    makeRequest(.get, target, headers: headers, body: body)
}

func makeRequest(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: String = "") -> HTTPRequest {
    HTTPRequest(head: HTTPRequestHead(method: method, target: target, headers: headers), body: Array(body.utf8), remoteAddress: "127.0.0.1")
}

func makeRouter(_ setUp: (Router) -> Void) -> Router {
    let router = Router(logger: Logger(label: "test", sink: MemoryLogSink()))
    router.use(RequestIDMiddleware())
    router.use(SecurityHeadersMiddleware())
    router.use(ErrorMiddleware())
    setUp(router)
    router.freeze()
    return router
}

extension HTTPResponse {
    var text: String {
        guard case .bytes(let bytes) = body else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }
    var json: [String: Any] {
        guard case .bytes(let bytes) = body else { return [:] }
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] ?? [:]
    }
}

struct RouterTests {
    @Test func staticRouteMatchesWithAndWithoutTrailingSlash() async {
        let router = makeRouter { $0.get("/api/ping") { _ in HTTPResponse(text: "pong") } }
        #expect(await router.respond(to: makeRequest("/api/ping")).text == "pong")
        #expect(await router.respond(to: makeRequest("/api/ping/")).text == "pong")
    }

    @Test func typedParameterIsDecodedAndConverted() async {
        let router = makeRouter {
            $0.get("/api/cases/:id/people/:name") { request in
                let id = try request.parameters.require("id", as: Int.self)
                return HTTPResponse(text: "\(id + 1) \(request.parameters["name"] ?? "")")
            }
        }
        #expect(await router.respond(to: makeRequest("/api/cases/41/people/%E5%BC%A0%E4%B8%89")).text == "42 张三")
    }

    @Test func malformedTypedParameterIsA400NamingTheParameter() async {
        let router = makeRouter { $0.get("/api/cases/:id") { r in HTTPResponse(text: "\(try r.parameters.require("id", as: Int.self))") } }
        let response = await router.respond(to: makeRequest("/api/cases/abc"))
        #expect(response.status == .badRequest)
        #expect(response.json["field"] as? String == "id")
        #expect(response.headers["Content-Type"] == "application/problem+json")
    }

    @Test func unknownPathIs404ProblemWithRequestID() async {
        let router = makeRouter { $0.get("/a") { _ in HTTPResponse(text: "a") } }
        let response = await router.respond(to: makeRequest("/b"))
        #expect(response.status == .notFound)
        #expect(response.json["status"] as? Int == 404)
        #expect(response.json["instance"] as? String == response.headers["X-Request-Id"])
    }

    @Test func wrongMethodIs405WithAllowHeader() async {
        let router = makeRouter {
            $0.get("/a") { _ in HTTPResponse(text: "a") }
            $0.post("/a") { _ in HTTPResponse(text: "b") }
        }
        let response = await router.respond(to: makeRequest(.delete, "/a"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
    }

    @Test func headIsServedByTheGetRoute() async {
        let router = makeRouter { $0.get("/a") { _ in HTTPResponse(text: "body") } }
        #expect(await router.respond(to: makeRequest(.head, "/a")).status == .ok)
    }

    @Test func wildcardCapturesTheRest() async {
        let router = makeRouter { $0.get("/files/*") { r in HTTPResponse(text: r.parameters["*"] ?? "") } }
        #expect(await router.respond(to: makeRequest("/files/a/b/c.txt")).text == "a/b/c.txt")
    }

    @Test func unexpectedErrorIs500WithoutInternalDetail() async {
        struct SecretError: Error, CustomStringConvertible { var description: String { "password=hunter2 at /srv/db" } }
        let sink = MemoryLogSink()
        let router = Router(logger: Logger(label: "t", sink: sink))
        router.use(ErrorMiddleware())
        router.get("/boom") { _ in throw SecretError() }
        router.freeze()
        let response = await router.respond(to: makeRequest("/boom"))
        #expect(response.status == .internalServerError)
        #expect(!response.text.contains("hunter2"))
        #expect(!sink.lines.joined().contains("hunter2"))
        #expect(sink.lines.contains { $0.contains("SecretError") })
    }

    @Test func httpErrorKeepsItsStatusDetailAndField() async {
        let router = makeRouter {
            $0.post("/x") { _ in throw HTTPError(.unprocessableContent, detail: "结束日期早于开始日期。", code: "invalid-dates", field: "endDate") }
        }
        let json = await router.respond(to: makeRequest(.post, "/x")).json
        #expect(json["status"] as? Int == 422)
        #expect(json["detail"] as? String == "结束日期早于开始日期。")
        #expect(json["field"] as? String == "endDate")
        #expect(json["type"] as? String == "urn:jianwu:problem:invalid-dates")
    }

    @Test func bodyLimitComesFromTheMatchedRoute() {
        let router = makeRouter {
            $0.post("/upload", bodyLimit: 50 << 20) { _ in HTTPResponse(text: "") }
            $0.post("/small") { _ in HTTPResponse(text: "") }
        }
        #expect(router.bodyLimit(for: HTTPRequestHead(method: .post, target: "/upload")) == 50 << 20)
        #expect(router.bodyLimit(for: HTTPRequestHead(method: .post, target: "/small")) == 1 << 20)
        #expect(router.bodyLimit(for: HTTPRequestHead(method: .post, target: "/none")) == 64 * 1024)
    }

    @Test func jsonBodyDecodingReportsMissingFieldAndWrongContentType() async {
        struct Body: Decodable { let name: String }
        let router = makeRouter { $0.post("/j") { r in HTTPResponse(text: try r.decode(Body.self).name) } }
        let ok = await router.respond(to: makeRequest(.post, "/j", headers: ["Content-Type": "application/json"], body: #"{"name":"案件"}"#))
        #expect(ok.text == "案件")
        let missing = await router.respond(to: makeRequest(.post, "/j", headers: ["Content-Type": "application/json"], body: "{}"))
        #expect(missing.status == .badRequest)
        #expect(missing.json["field"] as? String == "name")
        let wrongType = await router.respond(to: makeRequest(.post, "/j", headers: ["Content-Type": "text/plain"], body: "x"))
        #expect(wrongType.status == .unsupportedMediaType)
        let broken = await router.respond(to: makeRequest(.post, "/j", headers: ["Content-Type": "application/json"], body: "{"))
        #expect(broken.json["type"] as? String == "urn:jianwu:problem:invalid-json")
    }

    @Test func queryItemsArePercentAndPlusDecoded() async {
        let router = makeRouter { $0.get("/q") { r in HTTPResponse(text: "\(r.query("q") ?? "-")|\(r.query("n") ?? "-")") } }
        #expect(await router.respond(to: makeRequest("/q?q=%E7%9B%97%E7%AA%83+%E6%A1%88&n=")).text == "盗窃 案|")
    }

    @Test func securityHeadersAreSetOnEveryResponse() async {
        let router = makeRouter { $0.get("/a") { _ in HTTPResponse(text: "a") } }
        for target in ["/a", "/missing"] {
            let response = await router.respond(to: makeRequest(target))
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.headers["Content-Security-Policy"]?.contains("default-src 'self'") == true)
            #expect(response.headers["X-Frame-Options"] == "DENY")
        }
    }

    @Test func accessLogRecordsRouteNotQueryOrBody() async {
        let sink = MemoryLogSink()
        let metrics = Metrics()
        let router = Router(logger: Logger(label: "t", sink: sink))
        router.use(AccessLogMiddleware(metrics: metrics))
        router.post("/api/people/:id") { _ in HTTPResponse(text: "ok") }
        router.freeze()
        _ = await router.respond(to: makeRequest(.post, "/api/people/7?citizenId=320102199001011234", body: "13800138000"))
        let log = sink.lines.joined()
        #expect(log.contains(#""http.route":"/api/people/:id""#))
        #expect(!log.contains("320102199001011234"))
        #expect(!log.contains("13800138000"))
        #expect(metrics.prometheusText().contains(#"jianwu_http_requests_total{method="POST",route="/api/people/:id",status="200"} 1"#))
    }
}
