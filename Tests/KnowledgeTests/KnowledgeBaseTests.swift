import Foundation
import Identity
import Knowledge
import Search
import Store
import StoreTestSupport
import Testing

/// The index at run time: built once from the store, then reloaded from its snapshot until the store changes.
struct KnowledgeBaseTests {
    @Test func snapshotIsReusedUntilTheStoreChanges() async throws {
        let directory = try KnowledgeFixture.copyOfShippedLaws()
        let cache = FileManager.default.temporaryDirectory.appending(path: "jianwu-knowledge-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: cache)
        }
        try await TestEngine.sqlite.withStore { store in
            _ = try await Migrator(KnowledgeTestSchema.all).migrate(store)
            let importer = LawImporter(store: store, metadata: CorpusMetadata())
            _ = try await importer.run(try CorpusSource.open(directory.path))
            let knowledge = KnowledgeBase(store: store, assets: KnowledgeFixture.assets, cacheDirectory: cache)
            #expect(try await knowledge.prepare() == "built from 3 documents")
            #expect(try await KnowledgeBase(store: store, assets: KnowledgeFixture.assets, cacheDirectory: cache).prepare() == "loaded snapshot")

            let hit = try #require(knowledge.index?.search("刑法第264条", limit: 1).first)
            #expect(hit.match == .citation)
            #expect(hit.articleLabel == "第二百六十四条")
            // Articles citing 第二百六十四条 (e.g. 第二百五十三条: 依照本法第二百六十四条的规定定罪从重处罚).
            let citing = try #require(knowledge.graph?.articlesCiting(hit.document))
            let labels = citing.compactMap { knowledge.index?.articleHit(document: $0)?.articleLabel }
            #expect(labels.contains("第二百五十三条"))

            let file = directory.appending(path: "刑法/律师法(2017-09-01).md")
            try (try String(contentsOf: file, encoding: .utf8) + "\n").write(to: file, atomically: true, encoding: .utf8)
            _ = try await importer.run(try CorpusSource.open(directory.path))
            #expect(try await knowledge.prepare() == "built from 3 documents")
        }
    }
}
