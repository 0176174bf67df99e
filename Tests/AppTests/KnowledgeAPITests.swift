import App
import Foundation
import HTTPServer
import Knowledge
import Testing

/// `/api/knowledge` as the search page uses it.
struct KnowledgeAPITests {
    @Test func searchWaitsForTheIndexThenAnswersCitationsFirstWithArticleLinks() async throws {
        let test = try await TestApplication.make()
        defer { Task { await test.close() } }
        let client = test.app.client()
        await client.signIn("lawyer")
        let early = await client.send(.get, "/api/knowledge/search?q=%E7%9B%97%E7%AA%83")
        #expect(early.status == 503)
        #expect(early.json["type"] as? String == "urn:jianwu:problem:knowledge-preparing")
        #expect(early.headers["Retry-After"] == "10")

        let laws = FileManager.default.temporaryDirectory.appending(path: "jianwu-api-laws-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: laws) }
        try FileManager.default.createDirectory(at: laws, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: test.app.knowledge.assets.root.appending(path: "laws/刑法.md"), to: laws.appending(path: "刑法.md"))
        _ = try await LawImporter(store: test.store, metadata: CorpusMetadata()).run(try CorpusSource.open(laws.path))
        try await test.app.knowledge.prepare()

        let query = "刑法第264条".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let found = await client.send(.get, "/api/knowledge/search?q=\(query)&limit=3")
        #expect(found.status == 200)
        let first = try #require((found.json["items"] as? [[String: Any]])?.first)
        #expect(first["articleLabel"] as? String == "第二百六十四条")
        #expect(first["match"] as? String == "citation")
        #expect(first["article"] as? String == "264")

        let lawID = try #require(first["lawId"] as? String)
        let article = await client.send(.get, "/api/knowledge/laws/\(lawID)/articles/264")
        #expect(article.status == 200)
        #expect((article.json["text"] as? String)?.hasPrefix("盗窃公私财物") == true)
        let citedBy = (article.json["citedBy"] as? [[String: Any]])?.compactMap { $0["articleLabel"] as? String } ?? []
        #expect(citedBy.contains("第二百五十三条"))
        let missing = await client.send(.get, "/api/knowledge/laws/\(lawID)/articles/9999")
        #expect(missing.status == 404)
        let badFilter = await client.send(.get, "/api/knowledge/search?q=x&validity=sometimes")
        #expect(badFilter.status == 400)
        #expect(badFilter.json["field"] as? String == "validity")
        let status = await client.send(.get, "/api/knowledge/status")
        #expect(status.json["state"] as? String == "ready")
    }
}
