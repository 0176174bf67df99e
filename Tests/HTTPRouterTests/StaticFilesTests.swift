import Foundation
import HTTPRouter
import HTTPServer
import Testing

struct StaticFilesTests {
    let root: URL
    let router: Router

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "jw-static-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appending(path: "scripts"), withIntermediateDirectories: true)
        try Data("<!doctype html><title>检务云</title>".utf8).write(to: root.appending(path: "index.html"))
        try Data("export const a = 1;\n".utf8).write(to: root.appending(path: "scripts/app.js"))
        try Data("0123456789".utf8).write(to: root.appending(path: "digits.txt"))
        try Data("secret".utf8).write(to: root.appending(path: ".env"))
        let files = StaticFiles(root: root)
        router = makeRouter { $0.get("/*", files.handler) }
    }

    @Test func servesFilesWithTheirMIMEType() async {
        let js = await router.respond(to: makeRequest("/scripts/app.js"))
        #expect(js.status == .ok)
        #expect(js.headers["Content-Type"] == "text/javascript; charset=utf-8")
        let index = await router.respond(to: makeRequest("/"))
        #expect(index.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(index.text.contains("检务云"))
    }

    @Test func matchingETagGives304() async throws {
        let first = await router.respond(to: makeRequest("/digits.txt"))
        let etag = try #require(first.headers["ETag"])
        let second = await router.respond(to: makeRequest("/digits.txt", headers: ["If-None-Match": etag]))
        #expect(second.status == .notModified)
        #expect(second.text.isEmpty)
    }

    @Test func rangeRequestsGivePartialContent() async {
        let middle = await router.respond(to: makeRequest("/digits.txt", headers: ["Range": "bytes=2-4"]))
        #expect(middle.status == .partialContent)
        #expect(middle.text == "234")
        #expect(middle.headers["Content-Range"] == "bytes 2-4/10")
        let suffix = await router.respond(to: makeRequest("/digits.txt", headers: ["Range": "bytes=-3"]))
        #expect(suffix.text == "789")
        let open = await router.respond(to: makeRequest("/digits.txt", headers: ["Range": "bytes=8-"]))
        #expect(open.text == "89")
    }

    @Test func unsatisfiableRangeIs416() async {
        let response = await router.respond(to: makeRequest("/digits.txt", headers: ["Range": "bytes=20-30"]))
        #expect(response.status == .rangeNotSatisfiable)
        #expect(response.headers["Content-Range"] == "bytes */10")
    }

    @Test(arguments: ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.env", "/scripts/..%2f..%2fetc%2fpasswd", "/nothing.js"])
    func traversalHiddenAndMissingFilesAre404(_ target: String) async {
        #expect(await router.respond(to: makeRequest(target)).status == .notFound)
    }
}
