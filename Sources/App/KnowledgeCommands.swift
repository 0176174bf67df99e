import Foundation
import Identity
import Knowledge
import Search
import Store

/// `jianwu import-laws` and `jianwu search`.
enum KnowledgeCommands {
    static func importLaws(arguments: [String], environment: [String: String]) async throws -> Int32 {
        guard let source = arguments.first, !source.hasPrefix("-") else {
            CommandLineTool.fail("usage: jianwu import-laws <directory | corpus.tar.xz> [--data-dir DIR] [--db DB]")
            return 2
        }
        let configuration = try ServeConfiguration.parse(arguments: Array(arguments.dropFirst()), environment: environment)
        return try await withStore(configuration) { store in
            let assets = try requireAssets()
            let report = try await importCorpus(source, into: store, assets: assets, showProgress: true)
            print(summary(report))
            for (path, reason) in report.skipped { print("  not imported: \(path) — \(reason)") }
            let knowledge = KnowledgeBase(store: store, assets: assets, cacheDirectory: configuration.dataDirectory.appending(path: "knowledge"))
            let how = try await knowledge.prepare()
            print("search index ready (\(how))")
            return 0
        }
    }

    static func search(arguments: [String], environment: [String: String]) async throws -> Int32 {
        var rest = arguments
        var limit = 10
        var json = false
        if let index = rest.firstIndex(of: "--json") {
            json = true
            rest.remove(at: index)
        }
        if let index = rest.firstIndex(of: "--limit") {
            guard index + 1 < rest.count, let value = Int(rest[index + 1]), value > 0 else {
                throw ConfigurationError("--limit needs a positive number", fix: "e.g. --limit 5")
            }
            limit = value
            rest.removeSubrange(index...(index + 1))
        }
        guard let query = rest.first, !query.hasPrefix("-") else {
            CommandLineTool.fail("usage: jianwu search \"<query>\" [--limit N] [--json] [--data-dir DIR] [--db DB]")
            return 2
        }
        let configuration = try ServeConfiguration.parse(arguments: Array(rest.dropFirst()), environment: environment)
        return try await withStore(configuration) { store in
            let knowledge = KnowledgeBase(store: store, assets: try requireAssets(), cacheDirectory: configuration.dataDirectory.appending(path: "knowledge"))
            guard try await knowledge.documentCount() > 0 else {
                throw ConfigurationError("the knowledge base is empty", fix: "run 'jianwu import-laws Data/corpus/<archive>.tar.xz' (or start the server once)")
            }
            try await knowledge.prepare(withGraph: false)
            guard let index = knowledge.index else { return 1 }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for hit in index.search(query, limit: limit) {
                if json {
                    let line = SearchLine(
                        law: hit.lawTitle, lawId: hit.lawID, article: hit.articleLabel, score: hit.displayScore,
                        match: hit.match.rawValue, snippet: hit.snippet.text)
                    print(String(decoding: try encoder.encode(line), as: UTF8.self))
                } else {
                    print(String(format: "%7.2f  %@ %@  %@", hit.displayScore ?? 999, hit.lawTitle, hit.articleLabel, hit.snippet.marked))
                }
            }
            return 0
        }
    }

    struct SearchLine: Encodable {
        var law: String
        var lawId: String
        var article: String
        /// nil for a citation hit, which ranks above every scored hit.
        var score: Double?
        var match: String
        var snippet: String
    }

    /// Imports `path` (a directory or .tar.xz) with the corpus metadata shipped in Data/laws.
    static func importCorpus(_ path: String, into store: any Store, assets: KnowledgeAssets, showProgress: Bool) async throws -> ImportReport {
        let metadata = try await CorpusMetadata(sqliteAt: assets.corpusMetadata)
        let source = try CorpusSource.open(path)
        defer { source.close() }
        let bar = showProgress ? ProgressBar(label: "importing laws", unit: "files") : nil
        do {
            return try await LawImporter(store: store, metadata: metadata).run(source) { progress in
                bar?.update(done: progress.done, total: progress.total)
            }
        } catch let error as KnowledgeError {
            throw ConfigurationError(error.description, fix: "give a directory of Markdown laws or a .tar.xz of one")
        }
    }

    static func summary(_ report: ImportReport) -> String {
        String(
            format: "imported %d files in %.1f s: %d new, %d updated, %d unchanged; %d articles; %d without metadata; %d parser notices; %d not imported",
            report.files, report.seconds, report.added, report.updated, report.unchanged, report.articles, report.withoutMetadata,
            report.parserNotices, report.skipped.count)
    }

    static func requireAssets() throws -> KnowledgeAssets {
        guard let assets = Application.locateAssets() else {
            throw ConfigurationError("the shipped data directory (Data/) was not found", fix: "run jianwu from its source tree")
        }
        return assets
    }

    private static func withStore(_ configuration: ServeConfiguration, _ body: (any Store) async throws -> Int32) async throws -> Int32 {
        try DataDirectory.prepare(configuration.dataDirectory)
        let store = try await StoreBootstrap.open(try StoreBootstrap.location(for: configuration))
        do {
            _ = try await StoreBootstrap.prepareSchema(store, allowMigration: true)
            let status = try await body(store)
            await store.close()
            return status
        } catch {
            await store.close()
            throw error
        }
    }
}
