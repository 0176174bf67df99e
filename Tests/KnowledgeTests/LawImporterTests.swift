import Foundation
import Identity
import Knowledge
import Search
import Store
import StoreTestSupport
import Testing

/// Importing a corpus into the store: counts, idempotency, updates in place, files it cannot use reported.
struct LawImporterTests {
    func importer(_ store: any Store) async throws -> LawImporter {
        _ = try await Migrator(KnowledgeTestSchema.all).migrate(store)
        return LawImporter(store: store, metadata: CorpusMetadata())
    }

    @Test(arguments: TestEngine.available)
    func importingTwiceChangesNothingAndAnEditedFileIsUpdatedInPlace(engine: TestEngine) async throws {
        let directory = try KnowledgeFixture.copyOfShippedLaws()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await engine.withStore { store in
            let importer = try await importer(store)
            let source = try CorpusSource.open(directory.path)
            let first = try await importer.run(source)
            #expect(first.added == 3)
            #expect(first.articles >= 505 + 308)
            let second = try await importer.run(source)
            #expect(second.added == 0 && second.updated == 0 && second.unchanged == 3)

            let file = directory.appending(path: "刑法/律师法(2017-09-01).md")
            let text = try String(contentsOf: file, encoding: .utf8)
            try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
            let third = try await importer.run(source)
            #expect(third.updated == 1 && third.unchanged == 2 && third.added == 0)
            #expect(try await store.queryValue("SELECT count(*) FROM law_documents", as: Int.self) == 3)
            #expect(try await store.queryValue("SELECT count(*) FROM audit_events WHERE action = 'knowledge.import'", as: Int.self) == 3)
        }
    }

    @Test(arguments: TestEngine.available)
    func filesItCannotUseAreReportedNotImported(engine: TestEngine) async throws {
        let directory = try KnowledgeFixture.copyOfShippedLaws(["律师法(2017-09-01).md"])
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data([0xff, 0xfe, 0x00, 0x41]).write(to: directory.appending(path: "刑法/broken.md"))
        try "没有标题的一段文字。\n".write(to: directory.appending(path: "刑法/untitled.md"), atomically: true, encoding: .utf8)
        try "# 标题\n\n".write(to: directory.appending(path: "刑法/empty.md"), atomically: true, encoding: .utf8)
        try await engine.withStore { store in
            let report = try await importer(store).run(try CorpusSource.open(directory.path))
            #expect(report.added == 1)
            let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.path, $0.reason) })
            #expect(reasons == ["刑法/broken.md": "not UTF-8", "刑法/untitled.md": "no title line", "刑法/empty.md": "no articles or text"])
        }
    }

    @Test func archivesAreUnpackedAndOtherFilesRefused() throws {
        let directory = try KnowledgeFixture.copyOfShippedLaws(["律师法(2017-09-01).md"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let archive = directory.path + ".tar.xz"
        defer { try? FileManager.default.removeItem(atPath: archive) }
        let tar = Process()
        tar.executableURL = URL(filePath: "/usr/bin/tar")
        tar.arguments = ["-cJf", archive, "-C", directory.deletingLastPathComponent().path, directory.lastPathComponent]
        try tar.run()
        tar.waitUntilExit()
        let source = try CorpusSource.open(archive)
        defer { source.close() }
        #expect(source.markdownFiles() == ["刑法/律师法(2017-09-01).md"])
        #expect(throws: KnowledgeError.self) { try CorpusSource.open(directory.path + "/刑法/律师法(2017-09-01).md") }
        #expect(throws: KnowledgeError.self) { try CorpusSource.open("/no/such/corpus") }
    }

    @Test func shippedMetadataNamesLevelCategoryAndValidity() async throws {
        let metadata = try await CorpusMetadata(sqliteAt: KnowledgeFixture.assets.corpusMetadata)
        #expect(metadata.count > 1500)
        let criminalLaw = try #require(metadata.metadata(forRelativePath: "刑法/刑法.md"))
        #expect(criminalLaw.level == "法律")
        #expect(!criminalLaw.isExpired)
    }
}

enum KnowledgeTestSchema {
    /// The audit table comes with identity; the importer writes one event per run.
    static let all = IdentitySchema.migrations + KnowledgeSchema.migrations
}
