import App
import Foundation
import HTTPRouter
import HTTPServer
import HTTPTestSupport
import Testing

/// The wired application behind a real socket: what a browser or curl sees.
struct LiveServerTests {
    @Test func healthMetricsOpenAPIAndWebUIAnswerOverHTTP() async throws {
        let test = try await TestApplication.make(seedDemo: false)
        defer { Task { await test.close() } }
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, eventLoops: 1), responder: test.app.router)
        try server.start()
        let port = server.port

        let health = try #require(try RawClient.get(port: port, "/healthz"))
        #expect(health.status == 200)
        #expect(health.text.contains(#""status":"ok""#))

        let page = try #require(try RawClient.get(port: port, "/"))
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.text.contains("检务云"))

        let metrics = try #require(try RawClient.get(port: port, "/metrics"))
        #expect(metrics.text.contains(#"route="/healthz""#))

        let missing = try #require(try RawClient.get(port: port, "/api/nothing"))
        #expect(missing.status == 404)
        #expect(missing.header("Content-Type") == "application/problem+json")
        server.shutdown(gracePeriod: .seconds(1))
        await server.waitUntilStopped()
    }
}
