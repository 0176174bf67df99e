import App
import Foundation
import HTTPRouter
import HTTPServer
import Testing

/// The OpenAPI document and the route table must describe the same API: a route added without documentation,
/// or documentation left behind for a removed route, fails here.
struct OpenAPIDocumentTests {
    @Test func documentIsOpenAPI31() throws {
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["info"] as? [String: Any])?["version"] as? String == JianwuVersion.current)
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() async throws {
        let test = try await TestApplication.make(seedDemo: false)
        defer { Task { await test.close() } }
        let routed = Set(test.app.router.routes.map { "\($0.method.rawValue.lowercased()) \(Self.openAPIPath($0.pattern))" })
        let paths = try #require(try Self.document()["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "options", "head"]
        let documented = Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0) \(path)" } })
        #expect(routed.subtracting(documented).sorted() == [], "routes missing from openapi.json")
        #expect(documented.subtracting(routed).sorted() == [], "documented operations with no route")
    }

    /// `/api/cases/:id` → `/api/cases/{id}`; a trailing `*` → `{path}`.
    static func openAPIPath(_ pattern: String) -> String {
        let parts = pattern.split(separator: "/").map { part -> String in
            if part == "*" { return "{path}" }
            if part.hasPrefix(":") { return "{\(part.dropFirst())}" }
            return String(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func document() throws -> [String: Any] {
        let bytes = try #require(OpenAPIDocument.bytes)
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }
}
